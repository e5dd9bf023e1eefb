// The details panel: who, when, where it is kept, where it is published.
import { humanise } from "./state.js";

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function row(term, ...value) {
  if (value.every((v) => v === null || v === undefined || v === "")) return null;
  return [h("dt", {}, term), h("dd", {}, ...value)];
}

function dateText(date) {
  if (!date) return "undated";
  const notes = [];
  if (date.earliest !== date.latest) notes.push(`${date.earliest} – ${date.latest}`);
  for (const q of date.qualifiers) notes.push(q === "SUPPLIED" ? "supplied by the editors" : q.toLowerCase());
  return notes.length ? `${date.display} (${notes.join("; ")})` : date.display;
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission (an iframe, plain http): select the text for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(button.previousElementSibling);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  }
  button.textContent = "Copied";
  button.dataset.copied = "true";
  setTimeout(() => {
    button.textContent = "Copy";
  }, 2000);
}

function citationBlock(citation) {
  if (!citation) return h("p", { class: "muted" }, "No archival reference recorded.");
  const field = h("p", { class: "citation", id: "citation", "aria-label": "Archival citation" }, citation);
  const button = h("button", { type: "button", class: "copy", "aria-describedby": "citation" }, "Copy");
  button.addEventListener("click", () => copy(citation, button));
  return h("div", { class: "citation-row" }, field, button);
}

function personButton(person, actions) {
  return h(
    "button",
    { type: "button", class: "linkish", title: `Show only records of ${person.canonicalName}`, onclick: () => actions.filterPerson(person) },
    person.canonicalName,
  );
}

function recordButton(id, text, actions) {
  return h("button", { type: "button", class: "linkish", onclick: () => actions.select(id) }, text);
}

function documentBody(node, actions) {
  const parties = node.parties.map((party) => {
    const agent = party.agent;
    const name = agent.__typename === "Person" ? personButton(agent, actions) : agent.name;
    const printed = party.nameAsPrinted && party.nameAsPrinted !== (agent.canonicalName ?? agent.name) ? ` (“${party.nameAsPrinted}”)` : "";
    return h("li", {}, h("span", { class: "role" }, humanise(party.role)), " ", name, printed);
  });
  const editions = node.editions.map((edition) =>
    h(
      "li",
      {},
      h("cite", {}, edition.publication.title),
      edition.publication.year ? ` (${edition.publication.year})` : "",
      edition.documentNumber ? `, no. ${edition.documentNumber}` : "",
      edition.pages ? `, pp. ${edition.pages}` : "",
    ),
  );
  const copies = node.copies.map((c) =>
    h("li", {}, c.archivalReference.citation, c.forms.length ? ` — ${c.forms.map(humanise).join(", ").toLowerCase()}` : ""),
  );
  return [
    h("dl", {}, row("Kind", humanise(node.kind)), row("Date", dateText(node.date)), row("Place", node.place), row("Classification", node.classification)),
    node.summary ? h("p", { class: "summary" }, node.summary) : null,
    h("h3", {}, "Parties"),
    parties.length ? h("ul", { class: "parties" }, parties) : h("p", { class: "muted" }, "No parties recorded."),
    h("h3", {}, "Archival citation"),
    citationBlock(node.citation),
    copies.length > 1 ? h("ul", { class: "copies" }, copies) : null,
    h("h3", {}, "Editions"),
    editions.length ? h("ul", { class: "editions" }, editions) : h("p", { class: "muted" }, "Not published in a recorded edition."),
  ];
}

function decisionBody(node, actions) {
  const votes = node.votes.map((vote) =>
    h("li", {}, personButton(vote.person, actions), ": ", h("strong", {}, humanise(vote.position)), ` (${humanise(vote.recordedIn).toLowerCase()})`),
  );
  const protocol = node.protocolNumber ? `Protocol ${node.protocolNumber}${node.protocolItem ? `, item ${node.protocolItem}` : ""}` : null;
  return [
    h(
      "dl",
      {},
      row("Body", node.body.name),
      row("Date", dateText(node.date)),
      row("Procedure", humanise(node.procedure)),
      row("Outcome", humanise(node.outcome)),
      row("Protocol", protocol),
    ),
    node.summary ? h("p", { class: "summary" }, node.summary) : null,
    h("h3", {}, "Votes"),
    votes.length ? h("ul", { class: "votes" }, votes) : h("p", { class: "muted" }, "No individual votes recorded."),
    h("h3", {}, "Archival citation"),
    citationBlock(node.archivalReference?.citation),
  ];
}

function eventBody(node, actions) {
  const people = node.participants.map((p) => h("li", {}, personButton(p.person, actions), p.role ? ` — ${p.role}` : ""));
  return [
    h("dl", {}, row("Type", humanise(node.type)), row("Date", dateText(node.date)), row("Places", node.places.join(", "))),
    node.description ? h("p", { class: "summary" }, node.description) : null,
    h("h3", {}, "Participants"),
    people.length ? h("ul", {}, people) : h("p", { class: "muted" }, "No participants recorded."),
  ];
}

function voteBody(node, actions) {
  return [
    h(
      "dl",
      {},
      row("Member", personButton(node.person, actions)),
      row("Position", humanise(node.position)),
      row("Recorded in", humanise(node.recordedIn)),
      row("As printed", node.nameAsPrinted),
      row("Decision", recordButton(node.decision.id, `${node.decision.title} (${node.decision.date?.display ?? "undated"})`, actions)),
      row("Source", node.sourceDocument ? recordButton(node.sourceDocument.id, node.sourceDocument.title, actions) : null),
    ),
    node.note ? h("p", { class: "summary" }, node.note) : null,
  ];
}

/** Return the heading of a record. */
export function headingOf(node) {
  if (node.__typename === "Vote") return `Vote of ${node.person.canonicalName}`;
  return node.title ?? node.canonicalName ?? node.name ?? node.__typename;
}

/** Render a record's details into CONTAINER. */
export function renderDetails(container, node, actions) {
  const kind = node.__typename === "Document" ? humanise(node.kind) : node.__typename;
  const body =
    node.__typename === "Document"
      ? documentBody(node, actions)
      : node.__typename === "Decision"
        ? decisionBody(node, actions)
        : node.__typename === "Event"
          ? eventBody(node, actions)
          : node.__typename === "Vote"
            ? voteBody(node, actions)
            : [];
  container.replaceChildren(
    h("p", { class: "eyebrow" }, kind),
    h("h2", { id: "details-heading", tabindex: "-1" }, headingOf(node)),
    ...body.filter(Boolean),
  );
}

/** Show a message in the details panel. */
export function renderMessage(container, text) {
  container.replaceChildren(h("p", { class: "muted" }, text));
}
