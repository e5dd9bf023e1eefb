// The timeline page: wires the timeline, the density strip, the filters, the details and the chain.
import moment from "moment";
import { DataSet } from "vis-data/esnext";
import { Timeline } from "vis-timeline/esnext";

import { BODIES, CHAIN, DENSITY, DETAILS, NAMES, PEOPLE, TIMELINE, graphql } from "./api.js";
import { drawChain } from "./chain.js";
import { DensityStrip, bucketFor } from "./density.js";
import { renderDetails, renderMessage } from "./details.js";
import { lanesOf, visItem } from "./items.js";
import { PersonPicker } from "./person.js";
import {
  DOCUMENT_KINDS,
  EVENT_TYPES,
  EXPORT_FORMATS,
  dayDate,
  exportUrl,
  humanise,
  isoDay,
  queryString,
  readState,
  timelineFilter,
} from "./state.js";

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const LIMIT = 1000;
const LIST_LIMIT = 300;

function $(root, selector) {
  return root.querySelector(selector);
}

function option(value, text) {
  const node = document.createElement("option");
  node.value = value;
  node.textContent = text;
  return node;
}

function fillKinds(select) {
  select.append(option("", "Any kind"));
  const types = document.createElement("optgroup");
  types.label = "Records";
  types.append(option("document", "Documents"), option("decision", "Decisions"), option("event", "Events"));
  const documents = document.createElement("optgroup");
  documents.label = "Documents of a kind";
  for (const kind of DOCUMENT_KINDS) documents.append(option(`document:${kind}`, humanise(kind)));
  const events = document.createElement("optgroup");
  events.label = "Events of a type";
  for (const type of EVENT_TYPES) events.append(option(`event:${type}`, humanise(type)));
  select.append(types, documents, events);
}

/** Return the window [start, end] holding every record the filter matches, or null if none does. */
export async function extent(api, filter) {
  const years = (await api(DENSITY, { from: "1850-01-01", to: "2029-12-31", bucket: "YEAR", filter })).timelineHistogram;
  const full = years.filter((bar) => bar.count > 0);
  if (!full.length) return null;
  // Narrow from years to months so a filter matching one season is not shown as a decade.
  const months = (
    await api(DENSITY, { from: full[0].start, to: full[full.length - 1].end, bucket: "MONTH", filter })
  ).timelineHistogram.filter((bar) => bar.count > 0);
  const start = dayDate(months[0].start).getTime();
  const end = dayDate(months[months.length - 1].end).getTime() + DAY;
  const margin = Math.max((end - start) * 0.05, 10 * DAY);
  return [new Date(start - margin), new Date(end + margin)];
}

/** Start the page inside ROOT (the element carrying data-graphql, data-export, data-page). */
export async function start(root) {
  const config = {
    graphql: root.dataset.graphql,
    exportBase: root.dataset.export,
    page: root.dataset.page,
    embed: root.dataset.mode === "embed",
  };
  const state = readState(window.location.search);
  const api = (query, variables) => graphql(config.graphql, query, variables);
  const ui = {
    timeline: $(root, "#timeline"),
    density: $(root, "#density"),
    status: $(root, "#status"),
    details: $(root, "#details"),
    chain: $(root, "#chain"),
    list: $(root, "#record-list"),
    count: $(root, "#record-count"),
    exports: $(root, "#export-links"),
    full: $(root, "#open-full"),
    form: $(root, "#filters"),
  };
  let records = [];
  let loadToken = 0;
  let selectToken = 0;

  let first = null;
  if (state.from && state.to && state.from < state.to) first = [dayDate(state.from), dayDate(state.to)];
  else first = await extent(api, timelineFilter(state)).catch(() => null);
  first ??= [dayDate("1930-01-01"), dayDate("1940-01-01")];

  const items = new DataSet();
  const groups = new DataSet();
  const timeline = new Timeline(ui.timeline, items, groups, {
    start: first[0],
    end: first[1],
    // Historical days are calendar days, not instants: keep them in UTC whatever the reader's zone.
    moment: (date) => moment(date).utc(),
    // As tall as the lanes need, within a laptop screen.
    minHeight: 220,
    maxHeight: Math.max(260, Math.round(window.innerHeight * (config.embed ? 0.6 : 0.52))),
    stack: true,
    zoomMin: 7 * DAY,
    zoomMax: 120 * YEAR,
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    groupOrder: "order",
    margin: { item: { horizontal: 2, vertical: 4 }, axis: 4 },
    tooltip: { followMouse: true, overflowMethod: "flip", delay: 150 },
    orientation: { axis: "bottom", item: "top" },
    dataAttributes: ["id"],
    verticalScroll: true,
  });
  const density = new DensityStrip(ui.density, (from, to) => setWindow(dayDate(from), new Date(dayDate(to).getTime() + DAY)));
  density.area = () => {
    const axis = ui.timeline.querySelector(".vis-panel.vis-center");
    if (!axis) return { left: 0, width: ui.density.clientWidth };
    const a = axis.getBoundingClientRect();
    return { left: a.left - ui.density.getBoundingClientRect().left, width: a.width };
  };

  function status(text, busy = false) {
    ui.status.textContent = text;
    root.dataset.busy = String(busy);
  }

  function syncUrl() {
    const search = queryString(state);
    window.history.replaceState(null, "", `${window.location.pathname}${search}`);
    for (const link of ui.exports.querySelectorAll("a[data-format]")) {
      link.href = exportUrl(config.exportBase, link.dataset.format, state);
    }
    if (ui.full) ui.full.href = `${config.page}${search}`;
  }

  function setWindow(start, end) {
    timeline.setWindow(start, end, { animation: false });
  }

  // The records that touch the window, and the density of the same window.
  async function load() {
    const { start, end } = timeline.getWindow();
    const pad = (end - start) * 0.25;
    const from = isoDay(new Date(start.getTime() - pad));
    const to = isoDay(new Date(end.getTime() + pad));
    const filter = timelineFilter(state);
    const bucket = bucketFor(dayDate(from), dayDate(to));
    const token = ++loadToken;
    status("Loading…", true);
    let answer;
    try {
      answer = await Promise.all([
        api(TIMELINE, { from, to, filter, limit: LIMIT }),
        api(DENSITY, { from, to, bucket, filter }),
      ]);
    } catch (error) {
      if (token === loadToken) status(`Could not load the timeline: ${error.message}`);
      return;
    }
    if (token !== loadToken) return;
    const [found, bars] = answer;
    records = found.timeline.items;
    const lanes = lanesOf(records, state.lanes).map((lane, order) => ({ ...lane, order }));
    const laneIds = new Set(lanes.map((lane) => lane.id));
    groups.remove(groups.getIds().filter((id) => !laneIds.has(id)));
    groups.update(lanes);
    const next = records.map((record) => visItem(record, state.lanes));
    const ids = new Set(next.map((item) => item.id));
    items.remove(items.getIds().filter((id) => !ids.has(id)));
    items.update(next);
    timeline.setSelection(state.selected && ids.has(state.selected) ? [state.selected] : []);
    density.setBars(bars.timelineHistogram, bucket);
    density.setWindow(start, end);
    renderList();
    const shown = records.length === 1 ? "1 record" : `${records.length} records`;
    status(found.timeline.truncated ? `${shown} shown; more match — zoom in or narrow the filter.` : `${shown} in and around this window.`);
    root.dataset.loaded = String(Number(root.dataset.loaded || 0) + 1);
  }

  async function fit() {
    let window;
    try {
      window = await extent(api, timelineFilter(state));
    } catch (error) {
      status(`Could not find the records: ${error.message}`);
      return false;
    }
    if (!window) {
      status("No records match this filter.");
      records = [];
      items.clear();
      groups.clear();
      renderList();
      density.setBars([], "YEAR");
      return false;
    }
    setWindow(...window);
    return true;
  }

  function renderList() {
    ui.count.textContent = String(records.length);
    ui.list.replaceChildren();
    for (const record of records.slice(0, LIST_LIMIT)) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "linkish";
      button.dataset.id = record.id;
      button.textContent = `${record.displayDate} — ${record.label}`;
      if (record.id === state.selected) button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => select(record.id));
      li.append(button);
      ui.list.append(li);
    }
    if (records.length > LIST_LIMIT) {
      const li = document.createElement("li");
      li.className = "muted";
      li.textContent = `and ${records.length - LIST_LIMIT} more: zoom in to list them.`;
      ui.list.append(li);
    }
  }

  // Show a record: its details, its chain; if it lies outside the window, move there.
  async function select(id, { move = false } = {}) {
    state.selected = id;
    syncUrl();
    timeline.setSelection(items.get(id) ? [id] : []);
    for (const button of ui.list.querySelectorAll("button[aria-current]")) button.removeAttribute("aria-current");
    ui.list.querySelector(`button[data-id="${CSS.escape(id)}"]`)?.setAttribute("aria-current", "true");
    const token = ++selectToken;
    renderMessage(ui.details, "Loading…");
    let answer;
    try {
      answer = await Promise.all([api(DETAILS, { id }), api(CHAIN, { id }).catch(() => null)]);
    } catch (error) {
      if (token === selectToken) renderMessage(ui.details, `Could not load the record: ${error.message}`);
      return;
    }
    if (token !== selectToken) return;
    const [details, chain] = answer;
    if (!details.node) {
      renderMessage(ui.details, "This record no longer exists.");
      return;
    }
    renderDetails(ui.details, details.node, actions);
    drawChain(ui.chain, chain?.chain, id, (next) => select(next, { move: true }));
    ui.details.dataset.id = id;
    if (move) reveal(details.node);
  }

  function reveal(node) {
    const date = node.date ?? node.decision?.date;
    if (!date) return;
    const middle = (dayDate(date.earliest).getTime() + dayDate(date.latest).getTime() + DAY) / 2;
    const { start, end } = timeline.getWindow();
    if (middle < start.getTime() || middle > end.getTime()) timeline.moveTo(new Date(middle), { animation: false });
  }

  function step(delta) {
    if (!records.length) return;
    const at = records.findIndex((record) => record.id === state.selected);
    const next = at < 0 ? (delta > 0 ? 0 : records.length - 1) : Math.min(records.length - 1, Math.max(0, at + delta));
    select(records[next].id, { move: true });
  }

  function pan(fraction) {
    const { start, end } = timeline.getWindow();
    const shift = (end - start) * fraction;
    setWindow(new Date(start.getTime() + shift), new Date(end.getTime() + shift));
  }

  // A new filter shows every record it matches; new lanes keep the window.
  async function applyFilters(changes) {
    Object.assign(state, changes);
    for (const key of Object.keys(state)) if (state[key] === "" || state[key] === null) delete state[key];
    state.lanes ??= "kind";
    syncUrl();
    if (Object.keys(changes).some((key) => key !== "lanes") && (await fit())) return;
    load();
  }

  const actions = {
    select: (id) => select(id, { move: true }),
    filterPerson: (person) => {
      picker.set(person);
      applyFilters({ person: person.id });
    },
  };

  // Filters.
  const kind = $(root, "#kind");
  const body = $(root, "#body");
  const text = $(root, "#q");
  fillKinds(kind);
  kind.value = state.kind ?? "";
  text.value = state.q ?? "";
  for (const radio of root.querySelectorAll("input[name=lanes]")) {
    radio.checked = radio.value === state.lanes;
    radio.addEventListener("change", () => {
      if (radio.checked) applyFilters({ lanes: radio.value });
    });
  }
  kind.addEventListener("change", () => applyFilters({ kind: kind.value }));
  body.addEventListener("change", () => applyFilters({ body: body.value }));
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters({ q: text.value.trim(), kind: kind.value, body: body.value });
  });
  const picker = new PersonPicker({
    input: $(root, "#person-input"),
    list: $(root, "#person-options"),
    clear: $(root, "#person-clear"),
    search: async (typed) => (await api(PEOPLE, { search: typed })).persons.nodes,
    onChoose: (person) => applyFilters({ person: person ? person.id : "" }),
  });

  // Export links for the current filter and window.
  for (const [format, label] of EXPORT_FORMATS) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.dataset.format = format;
    link.textContent = label;
    link.rel = "nofollow";
    if (config.embed) link.target = "_blank";
    li.append(link);
    ui.exports.append(li);
  }

  // Zoom, pan and keys.
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-zoom]");
    if (!button) return;
    const how = button.dataset.zoom;
    if (how === "in") timeline.zoomIn(0.5, { animation: false });
    else if (how === "out") timeline.zoomOut(0.5, { animation: false });
    else if (how === "left") pan(-0.3);
    else if (how === "right") pan(0.3);
    else if (how === "fit") fit();
  });
  ui.timeline.addEventListener("keydown", (event) => {
    if (event.target.closest("input, select, textarea")) return;
    const keys = {
      ArrowLeft: () => pan(-0.2),
      ArrowRight: () => pan(0.2),
      "+": () => timeline.zoomIn(0.5, { animation: false }),
      "=": () => timeline.zoomIn(0.5, { animation: false }),
      "-": () => timeline.zoomOut(0.5, { animation: false }),
      j: () => step(1),
      ArrowDown: () => step(1),
      k: () => step(-1),
      ArrowUp: () => step(-1),
      f: () => fit(),
      Enter: () => $(root, "#details-heading")?.focus(),
    };
    const act = keys[event.key];
    if (act) {
      event.preventDefault();
      act();
    }
  });

  let rangeTimer = null;
  timeline.on("rangechange", ({ start, end }) => density.setWindow(start, end));
  timeline.on("rangechanged", ({ start, end }) => {
    state.from = isoDay(start);
    state.to = isoDay(end);
    syncUrl();
    clearTimeout(rangeTimer);
    rangeTimer = setTimeout(load, 120);
  });
  timeline.on("select", ({ items: chosen }) => {
    if (chosen.length) select(chosen[0]);
  });
  window.addEventListener("resize", () => density.draw());

  // Names for the ids in the URL, and the list of bodies.
  const ids = [state.person].filter(Boolean);
  api(BODIES, {})
    .then((data) => {
      for (const b of [...data.bodies].sort((x, y) => x.name.localeCompare(y.name))) {
        body.append(option(b.id, b.shortName ? `${b.name} (${b.shortName})` : b.name));
      }
      body.value = state.body ?? "";
    })
    .catch(() => {});
  if (ids.length) {
    api(NAMES, { ids })
      .then((data) => {
        const person = data.nodes.find((n) => n && n.__typename === "Person");
        if (person) picker.set(person);
      })
      .catch(() => {});
  }

  state.from = isoDay(first[0]);
  state.to = isoDay(first[1]);
  syncUrl();
  await load();
  if (state.selected) select(state.selected);
  root.dataset.ready = "true";
}
