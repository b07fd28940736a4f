import type { RouterContextProvider } from 'react-router'
import { requestContext } from './context.ts'
import type { AdminServices } from './admin-services.ts'

/** The administrators' services bound for this request (see bindAdminServices). */
export function adminServicesOf(context: Readonly<RouterContextProvider>): AdminServices {
  const { services } = context.get(requestContext)
  const admin = (services as unknown as { admin?: AdminServices }).admin
  // A wiring mistake, not a user's: fail loudly rather than show an empty page.
  if (!admin) throw new Error('The administrators’ services are not bound: add `admin: bindAdminServices(db, clock)` to bindServices')
  return admin
}
