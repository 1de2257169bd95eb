// The machine a benchmark ran on, recorded next to its numbers.
import * as fs from 'fs';
import * as os from 'os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: the machine is shared. */
  loadAverage: number;
  date: string;
  commit?: string;
}

/** The "model name" line of /proc/cpuinfo (os.cpus() as a fallback). */
export function cpuModel(cpuinfo?: string): string {
  const text = cpuinfo ?? readOrEmpty('/proc/cpuinfo');
  const match = /^model name\s*:\s*(.+)$/m.exec(text);
  if (match) return match[1].trim();
  return os.cpus()[0]?.model ?? 'unknown';
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function machineInfo(commit?: string): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg()[0],
    date: new Date().toISOString(),
    commit,
  };
}
