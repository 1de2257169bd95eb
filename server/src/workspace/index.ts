// The workspace index: a compact summary per indexed file on disk, the open documents'
// summaries (made lazily from their in-process analysis: the open editor's text wins over
// disk), and the entity index over whichever summary is current for each URI.
import { EntityIndex } from './entityIndex';
import { storedEntities, type EntitiesOf, type FileSummary, type StoredSummary } from './summary';

export interface DiskRecord {
  summary: StoredSummary;
  mtimeMs: number;
  size: number;
  /** URI of the workspace folder the file was found in. */
  folder: string;
  /** It could not be read or analysed (its summary holds the finding that says so): the
   * next indexing run tries again even if the file has not changed. */
  failed?: true;
}

export class WorkspaceIndex {
  private readonly disk = new Map<string, DiskRecord>();
  private readonly open = new Map<string, { summary?: FileSummary; make: () => FileSummary }>();
  private readonly entities = new EntityIndex();
  /** URIs whose entity-index contribution is out of date: refreshed on the next query. */
  private readonly stale = new Set<string>();
  private diskClaims = 0;
  private diskFindings = 0;

  getDisk(uri: string): DiskRecord | undefined {
    return this.disk.get(uri);
  }

  setDisk(uri: string, record: DiskRecord): void {
    this.deleteDisk(uri);
    this.disk.set(uri, record);
    this.diskClaims += record.summary.claimCount;
    this.diskFindings += record.summary.findingCount;
    this.stale.add(uri);
  }

  deleteDisk(uri: string): boolean {
    const record = this.disk.get(uri);
    if (!record) return false;
    this.disk.delete(uri);
    this.diskClaims -= record.summary.claimCount;
    this.diskFindings -= record.summary.findingCount;
    this.stale.add(uri);
    return true;
  }

  diskUris(): string[] {
    return [...this.disk.keys()];
  }

  diskUrisIn(folder: string): string[] {
    return [...this.disk].filter(([, record]) => record.folder === folder).map(([uri]) => uri);
  }

  /** An open document's analysis changed; its summary is made when someone asks. */
  setOpen(uri: string, make: () => FileSummary): void {
    this.open.set(uri, { make });
    this.stale.add(uri);
  }

  deleteOpen(uri: string): void {
    if (this.open.delete(uri)) this.stale.add(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** The current entities: the open document's, else the file's on disk (parsed now). */
  summary(uri: string): EntitiesOf | undefined {
    const open = this.open.get(uri);
    if (open) return (open.summary ??= open.make());
    const stored = this.disk.get(uri)?.summary;
    return stored ? { uri, entities: storedEntities(stored) } : undefined;
  }

  /** Every known URI (indexed or open), sorted. */
  uris(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
  }

  openUris(): string[] {
    return [...this.open.keys()].sort();
  }

  get fileCount(): number {
    let count = this.disk.size;
    for (const uri of this.open.keys()) if (!this.disk.has(uri)) count++;
    return count;
  }

  /** Claims and findings over the indexed files on disk (cheap running totals). */
  get totals(): { claims: number; findings: number } {
    return { claims: this.diskClaims, findings: this.diskFindings };
  }

  entityIndex(): EntityIndex {
    for (const uri of this.stale) {
      const summary = this.summary(uri);
      if (summary) this.entities.setDocument(uri, summary.entities);
      else this.entities.deleteDocument(uri);
    }
    this.stale.clear();
    return this.entities;
  }

  clear(): void {
    for (const uri of this.disk.keys()) this.stale.add(uri);
    this.disk.clear();
    this.diskClaims = 0;
    this.diskFindings = 0;
  }
}
