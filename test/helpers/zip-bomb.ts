import zlib from 'node:zlib';

/**
 * Raw deflate data inflating to `mebibytes` MiB of zeros, from about 1 KB per MiB: after a full
 * flush, deflate starts afresh and byte-aligned, so one flushed block of 1 MiB of zeros can be
 * repeated as is; an empty final stored block closes the stream.
 */
async function deflatedZeros(mebibytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const deflate = zlib.createDeflateRaw({ level: 9 });
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  deflate.write(Buffer.alloc(1024 * 1024));
  await new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_FULL_FLUSH, () => resolve()));
  deflate.destroy();
  const block = Buffer.concat(chunks);
  return Buffer.concat([...Array<Buffer>(mebibytes).fill(block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
}

/**
 * A ZIP archive (an XLSX workbook's container) of `parts` entries `xl/worksheets/sheetN.xml`, each
 * declaring 100 bytes in its local header and in the central directory but inflating to
 * `mebibytes` MiB: a workbook that lies about its size.
 */
export async function lyingWorkbook(mebibytes: number, parts = 1): Promise<Buffer> {
  const data = await deflatedZeros(mebibytes);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let n = 1; n <= parts; n++) {
    const name = Buffer.from(`xl/worksheets/sheet${n}.xml`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(100, 22); // the lie
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(100, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts, 8);
  end.writeUInt16LE(parts, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
