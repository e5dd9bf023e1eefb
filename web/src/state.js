// What the page shows, as it is written in the URL so a view can be shared.

export const DOCUMENT_KINDS = [
  "letter", "cipher_telegram", "telegram", "ticker_tape", "memorandum", "protocol_extract",
  "decree", "resolution", "circular", "order", "speech", "report", "note", "article",
  "transcript", "other",
];
export const EVENT_TYPES = [
  "trial", "plenum", "congress", "conference", "meeting", "appointment", "dismissal", "arrest",
  "execution", "death", "assassination", "suicide", "journey", "vacation", "campaign", "other",
];
export const EXPORT_FORMATS = [
  ["datapackage", "Data package (CSV + JSON)"],
  ["tei", "TEI XML"],
  ["jsonld", "JSON-LD"],
  ["timelinejs", "TimelineJS"],
  ["csl", "CSL JSON"],
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["gexf", "GEXF network"],
];

// The filter keys, shared by the page's URL and the export links.
const FILTER_KEYS = ["person", "kind", "body", "q"];
const VIEW_KEYS = ["from", "to", "lanes", "selected"];

/** Turn `cipher_telegram` into `Cipher telegram`. */
export function humanise(value) {
  const text = String(value ?? "").replace(/_/g, " ").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Read the view from a query string. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  if (state.from && !isDay(state.from)) delete state.from;
  if (state.to && !isDay(state.to)) delete state.to;
  state.lanes = state.lanes === "person" ? "person" : "kind";
  return state;
}

/** Write the view as a query string (filters first, in a stable order). */
export function queryString(state, { view = true } = {}) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...(view ? VIEW_KEYS : ["from", "to"])]) {
    if (key === "lanes" && state.lanes === "kind") continue;
    if (state[key]) params.set(key, state[key]);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Return the export URL of the current filter and window in one format. */
export function exportUrl(base, format, state) {
  return `${base}/${format}${queryString(state, { view: false })}`;
}

/** Turn the URL's filters into the GraphQL TimelineFilter. */
export function timelineFilter(state) {
  const filter = {};
  if (state.person) filter.person = state.person;
  if (state.body) filter.body = state.body;
  if (state.q) filter.text = state.q;
  const [type, detail] = (state.kind || "").split(":");
  if (type === "document" || type === "decision" || type === "event") {
    filter.types = [type.toUpperCase()];
    if (type === "document" && DOCUMENT_KINDS.includes(detail)) filter.documentKinds = [detail.toUpperCase()];
    if (type === "event" && EVENT_TYPES.includes(detail)) filter.eventTypes = [detail.toUpperCase()];
  }
  return filter;
}

/** Tell whether a string is an ISO day the API accepts. */
export function isDay(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** Format a Date as the ISO day it falls on (UTC). */
export function isoDay(date) {
  const year = date.getUTCFullYear();
  const clamped = Math.min(9999, Math.max(1, year));
  if (clamped !== year) return `${String(clamped).padStart(4, "0")}-${year < 1 ? "01-01" : "12-31"}`;
  return date.toISOString().slice(0, 10);
}

/** Parse an ISO day as a UTC Date. */
export function dayDate(text) {
  return new Date(`${text}T00:00:00Z`);
}
