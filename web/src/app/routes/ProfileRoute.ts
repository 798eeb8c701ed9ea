// The signed-in person's own profile.
export { ProfilePage as default } from '../../features/account/ProfilePage';
