/** What every exporter accepts: a callback with the number of rows written so far. */
export interface ExportOptions {
  onProgress?: (rowsDone: number) => void
  /** How many rows between two progress calls (the exporter may call less often). */
  progressEvery?: number
}
