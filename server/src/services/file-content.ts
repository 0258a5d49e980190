/**
 * What a service makes for the API to send as it is, not as JSON it serialises: a CSV or JSON
 * download, a calendar, a feed, a printable page, a photo. The route says who may keep a copy.
 */
export interface FileContent {
  /** the Content-Type, with its charset where it is text */
  type: string;
  body: string | Buffer;
  /** set: the browser saves the file under this name instead of showing it */
  fileName?: string;
}
