import { downloadFile } from './downloadFile.ts'

export type SentBy = 'share' | 'download'

/**
 * Offers a file to the phone's share sheet (mail, a secure messenger) where the browser can share files, and
 * downloads it otherwise. A cancelled share falls back to a download, so the client is never left without the file.
 */
export async function shareOrDownload(name: string, content: Uint8Array | string, type: string): Promise<SentBy> {
  const file = new File([content as BlobPart], name, { type })
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: name })
      return 'share'
    } catch {
      // AbortError (the client closed the sheet) or NotAllowedError: keep the file anyway.
    }
  }
  downloadFile(name, content, type)
  return 'download'
}
