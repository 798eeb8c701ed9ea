/**
 * Mantine's CSS, per component, for what every screen shows: the base (variables, reset),
 * the header and the sign-in page. The signed-in app (SignedInApp) brings its header's
 * navigation, menu, drawer and toasts. Each lazily loaded page brings the CSS of its own components (routes/*),
 * so no screen loads the whole stylesheet. A component's CSS lists the files its parts
 * need too (a Button is an UnstyledButton, a Drawer a ModalBase with an Overlay...).
 */
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
// Layout and text.
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/VisuallyHidden.css';
// Controls of the sign-in page.
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
