import { useSession } from '../session';
import { HelpDialog } from './HelpDialog';
import { SettingsDialog } from './SettingsDialog';
import { ScenarioDialog } from './ScenarioDialog';
import { PartitionDialog } from './PartitionDialog';
import { CompareDialog } from './CompareDialog';
import { ExplorerDialog } from '../explorer/ExplorerDialog';
import { TourPicker } from '../tours/TourPicker';
import { EmbedDialog } from './EmbedDialog';

export function Dialogs() {
  const dialog = useSession((s) => s.dialog);
  switch (dialog) {
    case 'help':
      return <HelpDialog />;
    case 'settings':
      return <SettingsDialog />;
    case 'scenarios':
      return <ScenarioDialog />;
    case 'partition':
      return <PartitionDialog />;
    case 'compare':
      return <CompareDialog />;
    case 'explorer':
      return <ExplorerDialog />;
    case 'tours':
      return <TourPicker />;
    case 'embed':
      return <EmbedDialog />;
    default:
      return null;
  }
}
