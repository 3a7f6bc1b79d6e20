// A Date whose "local" calendar is UTC, so date-fns (through its `in` context option) does its
// calendar math in UTC whatever the time zone of the browser or server.

export class UTCDate extends Date {
  getFullYear(): number { return this.getUTCFullYear(); }
  getMonth(): number { return this.getUTCMonth(); }
  getDate(): number { return this.getUTCDate(); }
  getDay(): number { return this.getUTCDay(); }
  getHours(): number { return this.getUTCHours(); }
  getMinutes(): number { return this.getUTCMinutes(); }
  getSeconds(): number { return this.getUTCSeconds(); }
  getMilliseconds(): number { return this.getUTCMilliseconds(); }
  getTimezoneOffset(): number { return 0; }
  setFullYear(...args: [number, number?, number?]): number { return this.setUTCFullYear(...args); }
  setMonth(...args: [number, number?]): number { return this.setUTCMonth(...args); }
  setDate(date: number): number { return this.setUTCDate(date); }
  setHours(...args: [number, number?, number?, number?]): number { return this.setUTCHours(...args); }
  setMinutes(...args: [number, number?, number?]): number { return this.setUTCMinutes(...args); }
  setSeconds(...args: [number, number?]): number { return this.setUTCSeconds(...args); }
  setMilliseconds(ms: number): number { return this.setUTCMilliseconds(ms); }
}

/** date-fns context function: `addDays(d, 1, { in: utc })` computes in UTC. */
export const utc = (value: Date | number | string): UTCDate => new UTCDate(value instanceof Date ? value.getTime() : value);

/** A plain Date for the same instant (results leave the module as ordinary Dates). */
export const plain = (date: Date): Date => new Date(date.getTime());
