// A one-line progress bar on stderr: [#########.........] 12/31 pages · name
export function progressBar(total, stream = process.stderr) {
  let done = 0;
  let last = '';
  let shown = false;
  const width = 24;
  const draw = () => {
    const filled = Math.round((done / total) * width);
    const cols = (stream.columns || 100) - 1;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages${last ? ` · ${last}` : ''}`;
    stream.write(`\r${line.slice(0, cols)}\x1b[K`);
    shown = true;
  };
  return {
    /** A page finished. */
    tick(name) {
      done += 1;
      last = name;
      draw();
    },
    start: draw,
    /** Takes the bar off the line (before writing to a terminal that shares it) ... */
    hide() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
    /** ... and puts it back. */
    show: draw,
    /** Ends the bar with a newline, leaving its last state visible. */
    end() {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
}
