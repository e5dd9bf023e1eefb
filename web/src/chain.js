// The chain graph: telegram → votes → decision → decree, as stages of clickable nodes.
import { humanise } from "./state.js";

const SVG = "http://www.w3.org/2000/svg";
const NODE_H = 38;
const GAP_X = 10;
const GAP_Y = 8;
const STAGE_GAP = 26;
const MAX_PER_STAGE = 10;

function el(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function short(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Name a chain node for its box: what it is, then when. */
export function describeNode(node) {
  switch (node.__typename) {
    case "Vote":
      return { heading: node.person.shortName || node.person.canonicalName, line: `Vote: ${humanise(node.position).toLowerCase()}` };
    case "Decision":
      return { heading: `Decision · ${node.body.shortName || node.body.name}`, line: node.date?.display ?? node.title };
    case "Document":
      return { heading: humanise(node.kind), line: node.date?.display ?? node.title };
    case "Event":
      return { heading: "Event", line: node.date?.display ?? node.title };
    default:
      return { heading: node.__typename, line: "" };
  }
}

function title(node) {
  if (node.__typename === "Vote") return `${node.person.canonicalName} voted ${humanise(node.position).toLowerCase()}`;
  return `${node.title ?? node.__typename}${node.date ? ` (${node.date.display})` : ""}`;
}

/**
 * Put the nodes in stages: records by the longest path of links that reach them,
 * votes in a stage of their own just before the decision they are cast on.
 */
export function layout(nodes, edges) {
  const byId = new Map(nodes.map((entry) => [entry.node.id, entry.node]));
  const isVote = (id) => byId.get(id)?.__typename === "Vote";
  const links = edges.filter((e) => byId.has(e.source) && byId.has(e.target) && !isVote(e.source) && !isVote(e.target));
  const level = new Map([...byId.keys()].filter((id) => !isVote(id)).map((id) => [id, 0]));
  // Longest path by relaxation; the walk is small and a cycle cannot run away past |nodes| rounds.
  for (let round = 0; round < byId.size; round += 1) {
    let changed = false;
    for (const link of links) {
      const next = level.get(link.source) + 1;
      if (next > level.get(link.target) && next < byId.size) {
        level.set(link.target, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const column = new Map();
  for (const [id, l] of level) column.set(id, 2 * l + 1);
  for (const edge of edges) {
    if (isVote(edge.source) && level.has(edge.target)) column.set(edge.source, 2 * level.get(edge.target));
  }
  for (const id of byId.keys()) if (!column.has(id)) column.set(id, 0);
  // Close the gaps left by empty columns.
  const used = [...new Set(column.values())].sort((a, b) => a - b);
  const rank = new Map(used.map((c, i) => [c, i]));
  const columns = used.map(() => []);
  for (const entry of nodes) columns[rank.get(column.get(entry.node.id))].push(entry.node);
  return columns;
}

/** Draw the chain into CONTAINER, stages top to bottom; ON_PICK(id) moves the page to a node. */
export function drawChain(container, chain, currentId, onPick) {
  container.replaceChildren();
  if (!chain || chain.nodes.length <= 1) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = "No links to other records are known.";
    container.append(p);
    return;
  }
  const stages = layout(chain.nodes, chain.edges);
  const width = Math.max(260, container.clientWidth || 320);
  const position = new Map();
  const hidden = [];
  let y = 0;
  for (const nodes of stages) {
    const shown = nodes.slice(0, MAX_PER_STAGE);
    if (nodes.length > shown.length) hidden.push(nodes.length - shown.length);
    const across = shown.length === 1 ? 1 : 2;
    const w = (width - (across - 1) * GAP_X) / across;
    shown.forEach((node, i) => {
      position.set(node.id, { x: (i % across) * (w + GAP_X), y: y + Math.floor(i / across) * (NODE_H + GAP_Y), w });
    });
    y += Math.ceil(shown.length / across) * (NODE_H + GAP_Y) - GAP_Y + STAGE_GAP;
  }
  const height = y - STAGE_GAP;
  const svg = el("svg", {
    class: "chain-svg",
    width,
    height,
    viewBox: `-2 -2 ${width + 4} ${height + 4}`,
    role: "group",
    "aria-label": "Chain of linked records, from what led to this record down to what it led to",
  });
  const defs = el("defs");
  const marker = el("marker", { id: "chain-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.append(el("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "chain-arrowhead" }));
  defs.append(marker);
  svg.append(defs);
  for (const edge of chain.edges) {
    const a = position.get(edge.source);
    const b = position.get(edge.target);
    if (!a || !b) continue;
    const down = a.y <= b.y;
    const x1 = a.x + a.w / 2;
    const x2 = b.x + b.w / 2;
    const y1 = down ? a.y + NODE_H : a.y;
    const y2 = down ? b.y : b.y + NODE_H;
    const mid = (y1 + y2) / 2;
    const path = el("path", {
      d: `M ${x1} ${y1} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2}`,
      class: `chain-edge certainty-${edge.certainty.toLowerCase()}`,
      "marker-end": "url(#chain-arrow)",
    });
    const label = el("title");
    label.textContent = `${humanise(edge.type)} (${edge.certainty.toLowerCase()})`;
    path.append(label);
    svg.append(path);
  }
  const byId = new Map(chain.nodes.map((entry) => [entry.node.id, entry.node]));
  for (const [id, at] of position) {
    const node = byId.get(id);
    const { heading, line } = describeNode(node);
    const group = el("g", {
      class: `chain-node chain-${node.__typename.toLowerCase()}${id === currentId ? " current" : ""}`,
      transform: `translate(${at.x} ${at.y})`,
      tabindex: 0,
      role: "button",
      "data-id": id,
      "data-type": node.__typename,
      "aria-label": `${title(node)}${id === currentId ? " (shown)" : ""}`,
    });
    if (id === currentId) group.setAttribute("aria-current", "true");
    group.append(el("rect", { width: at.w, height: NODE_H, rx: 6 }));
    const t1 = el("text", { x: 8, y: 16, class: "chain-heading" });
    const chars = Math.floor((at.w - 14) / 6.4);
    t1.textContent = short(heading, chars);
    const t2 = el("text", { x: 8, y: 32, class: "chain-line" });
    t2.textContent = short(line, chars);
    const tip = el("title");
    tip.textContent = title(node);
    group.append(t1, t2, tip);
    group.addEventListener("click", () => onPick(id));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onPick(id);
      }
    });
    svg.append(group);
  }
  const scroller = document.createElement("div");
  scroller.className = "chain-scroll";
  scroller.append(svg);
  container.append(scroller);
  if (hidden.length || chain.truncated) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = chain.truncated ? "The chain is longer than shown." : `${hidden.reduce((a, b) => a + b, 0)} more records not drawn.`;
    container.append(p);
  }
}
