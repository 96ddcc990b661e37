import { useT } from '../../i18n';
import { Card } from '../components/Card';
import { PipelineGraph } from './PipelineGraph';
import { PlaybackControls } from './PlaybackControls';
import { TracePicker } from './TracePicker';

/** The graph with its playback toolbar. */
export function GraphCard() {
  const t = useT();
  return (
    <Card
      actions={
        <div className="flex flex-wrap items-center gap-3">
          <TracePicker />
          <PlaybackControls />
        </div>
      }
      className="h-[46rem] md:h-[26rem] lg:h-auto lg:min-h-[18rem] lg:flex-[3]"
      flush
      labelId="graph-title"
      title={t('graph.label')}
    >
      <PipelineGraph />
    </Card>
  );
}
