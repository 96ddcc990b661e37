import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadEngineExtensions, resetEngineExtensionsForTests } from '../../../src/store/extensions';
import { TestDriver } from '../driver';

/** A lesson played as a learner would: open it, load the CEL interpreter, send each of its requests. */
describe('The admission-basics lesson, played in the app', () => {
  beforeAll(async () => {
    await loadEngineExtensions();
  });
  afterAll(() => resetEngineExtensionsForTests());

  function openLesson(): TestDriver {
    const app = new TestDriver(undefined, { reducedMotion: true }).openLesson('admission-basics');
    app.state.applyExtensions();
    return app;
  }

  it('stores a pod whose image pins a tag', () => {
    openLesson().loadExample('pinned-pod').pressSend().expectStatuses(201).expectStoppedAt('storage');
  });

  // The denial's text: validating/dispatcher.go (apiserver/pkg/admission/plugin/policy/validating)
  // wrapped as the Invalid status of a Deny action with no reason set.
  it('stops a pod from nginx:latest at validating admission with 422 Invalid', () => {
    openLesson()
      .loadExample('latest-pod')
      .pressSend()
      .expectStatuses(422)
      .expectStoppedAt('validatingAdmission', 'Invalid')
      .expectMessage(
        "pods \"edge\" is forbidden: ValidatingAdmissionPolicy 'no-latest-tag' with binding 'no-latest-tag-binding' denied request: container images must pin a tag other than latest",
      );
  });
});
