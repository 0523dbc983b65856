import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { ColumnKind, TypedCell, TypedColumn } from '../service';
import { AtomicFile } from './write-file';

// Rows kept before they are written as one row group: memory stays bounded, and readers still get
// row groups large enough to compress well.
const ROWS_PER_GROUP = 10_000;

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

const SCHEMA: Record<ColumnKind, Omit<SchemaElement, 'name'>> = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  category: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
  flag: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  count: { type: 'INT32', repetition_type: 'REQUIRED' },
};

/**
 * A Parquet file written row group by row group as rows come in (hyparquet-writer, pure
 * JavaScript), typed by its columns: dates as DATE, categories dictionary-encoded, counts as
 * INT32. Put in place whole by finish().
 */
export class ParquetFile {
  private readonly file: AtomicFile;
  private readonly writer: ParquetWriter;
  private rows: TypedCell[][] = [];

  constructor(
    path: string,
    private readonly columns: readonly TypedColumn[],
    createdBy: string,
  ) {
    this.file = new AtomicFile(path);
    const bytes = new ByteWriter();
    // Each row group goes to the file as soon as it is encoded, and the buffer is reused.
    Object.assign(bytes, {
      flush: () => {
        this.file.write(new Uint8Array(bytes.buffer, 0, bytes.index));
        bytes.index = 0;
      },
      finish: () => this.file.write(new Uint8Array(bytes.buffer, 0, bytes.index)),
    });
    this.writer = new ParquetWriter({
      writer: bytes,
      schema: [
        { name: 'root', num_children: columns.length },
        ...columns.map((c) => ({ name: c.name, ...SCHEMA[c.kind] })),
      ],
      createdBy,
    });
  }

  add(row: TypedCell[]): void {
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_GROUP) this.writeGroup();
  }

  finish(): void {
    this.writeGroup();
    void this.writer.finish();
    this.file.commit();
  }

  abort(): void {
    this.file.abort();
  }

  private writeGroup(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    void this.writer.write({
      rowGroupSize: rows.length,
      columnData: this.columns.map((c, i) => ({
        name: c.name,
        data: rows.map((r) => (c.kind === 'date' && r[i] !== null ? new Date((r[i] as number) * 86_400_000) : r[i])),
        ...(c.kind === 'category' ? { encoding: 'RLE_DICTIONARY' as const } : {}),
      })),
    });
  }
}
