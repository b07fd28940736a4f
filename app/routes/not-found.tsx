import { data } from 'react-router'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'

export function loader() {
  throw data({ reason: 'not-found' }, { status: 404 })
}

export function action() {
  throw data({ reason: 'not-found' }, { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <GeneralErrorBoundary error={error} />
}
