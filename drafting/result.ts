export { ok, fail, type Result } from '../accounts/result.ts'
