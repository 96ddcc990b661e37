import type {
  AdmissionDetails,
  AuthenticationDetails,
  AuthorizationDetails,
  DecodingDetails,
  StageResult,
  StorageDetails,
  ValidationDetails,
} from '../../../engine';
import { AdmissionView } from './AdmissionView';
import { AuthenticationView } from './AuthenticationView';
import { AuthorizationView } from './AuthorizationView';
import { DecodingView, StorageView, ValidationView } from './SimpleViews';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The stage-specific picture of `details`; the raw JSON is always available beside it. */
export function StageDetailsView({ result }: { readonly result: StageResult }) {
  const { details } = result;
  if (!isObject(details)) return null;
  switch (result.stage) {
    case 'authentication':
      return Array.isArray(details.attempts) ? (
        <AuthenticationView details={details as unknown as AuthenticationDetails} />
      ) : null;
    case 'authorization':
      return typeof details.decision === 'string' ? (
        <AuthorizationView details={details as unknown as AuthorizationDetails} />
      ) : null;
    case 'decoding':
      return typeof details.contentType === 'string' ? (
        <DecodingView details={details as unknown as DecodingDetails} />
      ) : null;
    case 'mutatingAdmission':
    case 'validatingAdmission':
      return Array.isArray(details.plugins) ? (
        <AdmissionView
          details={details as unknown as AdmissionDetails}
          phase={result.stage === 'mutatingAdmission' ? 'mutating' : 'validating'}
        />
      ) : null;
    case 'schemaValidation':
      return Array.isArray(details.causes) ? (
        <ValidationView details={details as unknown as ValidationDetails} />
      ) : null;
    case 'storage':
      return typeof details.key === 'string' ? (
        <StorageView details={details as unknown as StorageDetails} />
      ) : null;
    default:
      return null;
  }
}
