import { useEffect, useState, type ReactNode } from 'react'

/** Renders `fallback` on the server and before hydration, then `children()` in the browser. */
export function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  return <>{mounted ? children() : fallback}</>
}
