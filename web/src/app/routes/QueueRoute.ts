// Staff's first screen: the queue, with its filters (the shell's CSS covers its components
// but the filter bar's Flex and its selects' chevrons (Combobox), and the bulk actions'
// checkboxes (InlineInput lays out their labels) and summary list).
import '@mantine/core/styles/Flex.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/List.css';
export { QueuePage as default } from '../../features/queue/QueuePage';
