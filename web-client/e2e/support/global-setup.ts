import { createAdmin } from './admin';

/** Once before the suite: the admin every spec signs in as. */
export default function globalSetup() {
  createAdmin();
}
