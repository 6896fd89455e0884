/** A one-line progress counter on a terminal; silent when stderr is not a TTY (CI logs stay clean). */
export function progressPrinter(stream: NodeJS.WriteStream): ((done: number, total: number, id: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (done, total, id) => {
    const label = id.length > 60 ? "…" + id.slice(-59) : id;
    stream.write(`\r\x1b[K[${done}/${total}] ${label}`);
    if (done === total) stream.write("\r\x1b[K");
  };
}
