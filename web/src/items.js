// Timeline records as vis-timeline items and lanes: fuzzy dates become ranges in their own style.
import { humanise } from "./state.js";

const DAY = 86_400_000;

/** Escape text for the HTML vis-timeline renders. */
export function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tell whether a record's date is a span of days or doubtful, and so drawn as a range. */
export function isFuzzy(record) {
  return (
    record.start !== record.end ||
    record.qualifiers.includes("UNCERTAIN") ||
    record.qualifiers.includes("APPROXIMATE")
  );
}

/** Return the lane a record goes in: by kind of record, or by person (first author, body). */
export function laneOf(record, lanes) {
  if (lanes === "person") {
    if (record.group) return { id: `p:${record.group}`, content: record.group };
    return record.type === "EVENT"
      ? { id: "p:~events", content: "Events" }
      : { id: "p:~unknown", content: "No named author" };
  }
  if (record.type === "DECISION") return { id: `k:decision:${record.kind}`, content: `Decisions · ${record.kind}` };
  if (record.type === "EVENT") return { id: `k:event:${record.kind}`, content: `Events · ${humanise(record.kind)}` };
  return { id: `k:document:${record.kind}`, content: humanise(record.kind) };
}

function tooltip(record) {
  const notes = [];
  if (record.start !== record.end) notes.push(`somewhere between ${record.start} and ${record.end}`);
  for (const q of record.qualifiers) notes.push(q.toLowerCase() === "supplied" ? "date supplied by the editors" : `date ${q.toLowerCase()}`);
  const kind = record.type === "DECISION" ? `Decision · ${record.kind}` : humanise(record.kind);
  return (
    `<strong>${escapeHtml(record.displayDate)}</strong><br>${escapeHtml(record.label)}` +
    `<br><span class="tip-kind">${escapeHtml(kind)}</span>` +
    (notes.length ? `<br><em>${escapeHtml(notes.join("; "))}</em>` : "")
  );
}

/** Convert one API timeline item into a vis-timeline item. */
export function visItem(record, lanes) {
  const fuzzy = isFuzzy(record);
  const start = new Date(`${record.start}T00:00:00Z`);
  const classes = [`rec-${record.type.toLowerCase()}`, `kind-${String(record.kind).replace(/[^a-z0-9_-]/gi, "_").toLowerCase()}`];
  if (fuzzy) classes.push("fuzzy");
  for (const q of record.qualifiers) classes.push(`q-${q.toLowerCase()}`);
  const item = {
    id: record.id,
    group: laneOf(record, lanes).id,
    content: escapeHtml(record.label),
    title: tooltip(record),
    start,
    className: classes.join(" "),
    type: fuzzy ? "range" : "point",
  };
  // A range covers its last possible day entirely.
  if (fuzzy) item.end = new Date(new Date(`${record.end}T00:00:00Z`).getTime() + DAY);
  return item;
}

/** Return the lanes the records fall in, in a readable order. */
export function lanesOf(records, lanes) {
  const seen = new Map();
  for (const record of records) {
    const lane = laneOf(record, lanes);
    if (!seen.has(lane.id)) seen.set(lane.id, { ...lane, content: escapeHtml(lane.content) });
  }
  return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
}
