import type { FieldInfo } from '../../schema/types.js';
import type { FieldType } from '../introspection/field-types.js';

/**
 * How one vendor's driver differs from the API's normalised values. Writers receive a value the
 * data engine has already validated and normalised (booleans as booleans, dates as `YYYY-MM-DD`,
 * times as `HH:MM:SS`, dateTimes as `YYYY-MM-DD HH:MM:SS[.fff]`, timestamps as ISO UTC with `Z`,
 * JSON as text, decimals and big integers beyond 2^53 as text) and never null. Readers receive what
 * the driver returned, never null, and answer the API value. A type without an entry needs no work
 * on that vendor, which keeps the hot paths of bulk writes and large reads free of calls.
 */
export interface DialectValues {
	readonly writers: Partial<Record<FieldType, (value: unknown) => unknown>>;
	/** The field tells a reader the column's scale (decimals) or declared type where the driver's answer depends on it. */
	readonly readers: Partial<Record<FieldType, (raw: unknown, field: FieldInfo) => unknown>>;
	/**
	 * SQL to select a column of the type with where selecting it bare loses exactness in the driver
	 * (SQLite's integers beyond 2^53), e.g. `CAST("t0"."views" AS TEXT)`; undefined: select it bare.
	 */
	selectColumn?(type: FieldType, column: string): string | undefined;
}

export interface DateParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
	/** Minutes east of UTC; undefined when the text names no zone. */
	offset?: number;
	/** Whether the text had a time of day. */
	hasTime: boolean;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const storedDateTime = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/;
const timePattern = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth[month - 1]!) return false;
	return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** Reads `YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]][Z|±HH[:MM]]`, rejecting impossible dates and times. */
export function parseDateText(text: string): DateParts | undefined {
	const match = datePattern.exec(text.trim());
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, fraction, zone] = match;
	const parts: DateParts = {
		year: Number(y),
		month: Number(mo),
		day: Number(d),
		hour: h === undefined ? 0 : Number(h),
		minute: mi === undefined ? 0 : Number(mi),
		second: s === undefined ? 0 : Number(s),
		millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
		hasTime: h !== undefined,
	};
	if (!validDay(parts.year, parts.month, parts.day) || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return undefined;
	if (zone !== undefined) {
		if (zone.toUpperCase() === 'Z') parts.offset = 0;
		else {
			const hours = Number(zone.slice(1, 3));
			const minutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
			if (hours > 23 || minutes > 59) return undefined;
			parts.offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
		}
	}
	return parts;
}

/** Reads `HH:MM[:SS[.fff]]` into `HH:MM:SS`, dropping fractions of a second. */
export function parseTimeText(text: string): string | undefined {
	const match = timePattern.exec(text.trim());
	if (!match) return undefined;
	const [, h, m, s = '00'] = match;
	if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) return undefined;
	return `${h}:${m}:${s}`;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function dateText(parts: Pick<DateParts, 'year' | 'month' | 'day'>): string {
	return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

export function timeText(parts: Pick<DateParts, 'hour' | 'minute' | 'second'>): string {
	return `${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

/** The instant the parts name; parts without a zone are read as UTC. */
export function instantOf(parts: DateParts): Date {
	const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
	const date = new Date(utc - (parts.offset ?? 0) * 60_000);
	// Date.UTC maps years 0-99 to 1900-1999.
	if (parts.year < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
	return date;
}

/** The wall-clock parts of a driver's Date, read in UTC or in the process's zone as that driver built it. */
export function partsOfDate(date: Date, zone: 'utc' | 'local'): DateParts {
	const utc = zone === 'utc';
	return {
		year: utc ? date.getUTCFullYear() : date.getFullYear(),
		month: (utc ? date.getUTCMonth() : date.getMonth()) + 1,
		day: utc ? date.getUTCDate() : date.getDate(),
		hour: utc ? date.getUTCHours() : date.getHours(),
		minute: utc ? date.getUTCMinutes() : date.getMinutes(),
		second: utc ? date.getUTCSeconds() : date.getSeconds(),
		millisecond: utc ? date.getUTCMilliseconds() : date.getMilliseconds(),
		hasTime: true,
	};
}

/** A JS Date holding the wall clock in the process's zone, as drivers without zone-free dates bind it. */
export function localDateOf(parts: DateParts): Date {
	const date = new Date(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
	if (parts.year < 100) date.setFullYear(parts.year);
	return date;
}

function epoch(raw: unknown): number | undefined {
	if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
	if (typeof raw === 'bigint') return Number(raw);
	return undefined;
}

/**
 * Readers shared by the vendors. Each accepts every shape a driver may return for the type
 * (text, numbers, Dates, bigints, buffers) and answers the API's form; values they cannot make
 * sense of come back unchanged rather than failing a whole read.
 */
export const read = {
	boolean(raw: unknown): unknown {
		if (typeof raw === 'boolean') return raw;
		if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw) !== 0;
		if (typeof raw === 'string') {
			const text = raw.trim().toLowerCase();
			if (['1', 't', 'true', 'y', 'yes'].includes(text)) return true;
			if (['0', 'f', 'false', 'n', 'no'].includes(text)) return false;
		}
		return raw;
	},
	integer(raw: unknown): unknown {
		if (typeof raw === 'bigint') return Number(raw);
		if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
		return raw;
	},
	/** Numbers where exact, text beyond 2^53. */
	bigInteger(raw: unknown): unknown {
		if (typeof raw === 'number') return raw;
		const text = typeof raw === 'bigint' ? raw.toString() : typeof raw === 'string' ? raw.trim() : undefined;
		if (text === undefined || !/^-?\d+$/.test(text)) return raw;
		const number = Number(text);
		return Number.isSafeInteger(number) ? number : text;
	},
	float(raw: unknown): unknown {
		if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
		return raw;
	},
	/** Text with the column's scale: `12.50` whether the driver gave `12.5`, `"12.5"` or `"12.50"`. */
	decimal(raw: unknown, field: FieldInfo): unknown {
		const scale = field.schema?.numeric_scale ?? null;
		if (typeof raw === 'number') {
			return scale !== null && Number.isFinite(raw) && Math.abs(raw) < 1e21 ? raw.toFixed(scale) : String(raw);
		}
		if (typeof raw === 'bigint') return scale ? `${raw}.${'0'.repeat(scale)}` : raw.toString();
		if (typeof raw !== 'string' || scale === null || !/^-?\d+(\.\d*)?$/.test(raw)) return raw;
		const [whole, fraction = ''] = raw.split('.');
		if (fraction.length >= scale) return raw;
		return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0')}`;
	},
	json(raw: unknown): unknown {
		const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : undefined;
		if (text === undefined) return raw;
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	},
	csv(raw: unknown): unknown {
		if (typeof raw !== 'string') return raw;
		return raw === '' ? [] : raw.split(',');
	},
	uuid(raw: unknown): unknown {
		return typeof raw === 'string' ? raw.toLowerCase() : raw;
	},
	date(raw: unknown, dates: 'utc' | 'local' = 'utc'): unknown {
		if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? raw : dateText(partsOfDate(raw, dates));
		const ms = epoch(raw);
		if (ms !== undefined) return new Date(ms).toISOString().slice(0, 10);
		if (typeof raw !== 'string') return raw;
		const parts = parseDateText(raw);
		return parts ? dateText(parts) : raw;
	},
	time(raw: unknown, dates: 'utc' | 'local' = 'utc'): unknown {
		if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? raw : timeText(partsOfDate(raw, dates));
		if (typeof raw !== 'string') return raw;
		const time = parseTimeText(raw);
		if (time) return time;
		const parts = parseDateText(raw);
		return parts?.hasTime ? timeText(parts) : raw;
	},
	/** The wall clock as `YYYY-MM-DDTHH:MM:SS`; a zone written in stored text is ignored, as on write. */
	dateTime(raw: unknown, dates: 'utc' | 'local' = 'utc'): unknown {
		// The stored form written by Mantle itself: only the separator changes (lists read it per row).
		if (typeof raw === 'string' && raw.length === 19 && storedDateTime.test(raw)) return `${raw.slice(0, 10)}T${raw.slice(11)}`;
		let parts: DateParts | undefined;
		const ms = epoch(raw);
		if (raw instanceof Date) parts = Number.isNaN(raw.getTime()) ? undefined : partsOfDate(raw, dates);
		else if (ms !== undefined) parts = partsOfDate(new Date(ms), 'utc');
		else if (typeof raw === 'string') parts = parseDateText(raw);
		return parts ? `${dateText(parts)}T${timeText(parts)}` : raw;
	},
	/** The instant as ISO UTC with milliseconds; stored text without a zone is UTC. */
	timestamp(raw: unknown): unknown {
		if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? raw : raw.toISOString();
		const ms = epoch(raw);
		if (ms !== undefined) return new Date(ms).toISOString();
		if (typeof raw !== 'string') return raw;
		const parts = parseDateText(raw);
		return parts ? instantOf(parts).toISOString() : raw;
	},
};

/**
 * The readers of a driver that hands these types back as stored: big integers exact, decimals at
 * their column's scale, JSON parsed, CSV split, UUIDs in lower case (as PostgreSQL's uuid type
 * answers), timestamps as ISO UTC.
 */
export const storedValueReaders: DialectValues['readers'] = {
	bigInteger: read.bigInteger,
	decimal: read.decimal,
	json: read.json,
	csv: read.csv,
	uuid: read.uuid,
	timestamp: read.timestamp,
};

/**
 * Readers of the zone-free types for a driver that hands back dates and date-times as Dates built
 * in UTC or in the process's zone (`dates`); text is read as it stands either way. A time of day
 * is read in UTC on every vendor (tedious' UTC fields, Oracle's instant on 1970-01-01 UTC).
 */
export function wallClockReaders(dates: 'utc' | 'local'): Pick<DialectValues['readers'], 'date' | 'time' | 'dateTime'> {
	return {
		date: (raw) => read.date(raw, dates),
		time: (raw) => read.time(raw, 'utc'),
		dateTime: (raw) => read.dateTime(raw, dates),
	};
}

/** `YYYY-MM-DD HH:MM:SS.sss` in UTC, from a normalised ISO timestamp: the zone-free text of an instant. */
export function utcText(iso: unknown): string {
	const text = String(iso);
	return `${text.slice(0, 10)} ${text.slice(11, 23)}`;
}
