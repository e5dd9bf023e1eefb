// The person box: an ARIA combobox that finds people under any spelling of their name.

function normalise(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Pick the variants worth showing beside a name: those closest to what was typed first. */
export function variantsToShow(person, typed, count = 3) {
  const query = normalise(typed);
  const others = person.variants.map((v) => v.name).filter((name) => name !== person.canonicalName);
  const score = (name) => (normalise(name).startsWith(query) ? 0 : normalise(name).includes(query) ? 1 : 2);
  return [...new Set(others)].sort((a, b) => score(a) - score(b)).slice(0, count);
}

export class PersonPicker {
  constructor({ input, list, clear, search, onChoose }) {
    Object.assign(this, { input, list, clear, search, onChoose });
    this.options = [];
    this.active = -1;
    this.token = 0;
    this.timer = null;
    input.addEventListener("input", () => this.typed());
    input.addEventListener("keydown", (event) => this.key(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    clear.addEventListener("click", () => {
      this.set(null);
      this.onChoose(null);
      input.focus();
    });
  }

  /** Show a chosen person (or none) without searching. */
  set(person) {
    this.input.value = person ? person.canonicalName : "";
    this.clear.hidden = !person;
    this.close();
  }

  typed() {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    this.clear.hidden = text === "";
    if (text.length < 2) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.find(text), 150);
  }

  async find(text) {
    const token = ++this.token;
    let people;
    try {
      people = await this.search(text);
    } catch {
      people = [];
    }
    if (token !== this.token) return;
    this.render(people, text);
  }

  render(people, text) {
    this.options = people;
    this.active = people.length ? 0 : -1;
    this.list.replaceChildren();
    if (!people.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = `Nobody matches “${text}”`;
      this.list.append(li);
    }
    people.forEach((person, index) => {
      const li = document.createElement("li");
      li.id = `person-option-${index}`;
      li.setAttribute("role", "option");
      li.dataset.id = person.id;
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = person.canonicalName;
      li.append(name);
      const variants = variantsToShow(person, text);
      if (variants.length) {
        const also = document.createElement("span");
        also.className = "variants";
        also.textContent = `also ${variants.join(", ")}`;
        li.append(also);
      }
      // mousedown, not click: the input's blur would close the list first.
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        this.choose(index);
      });
      this.list.append(li);
    });
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.highlight();
  }

  highlight() {
    [...this.list.querySelectorAll("[role=option]")].forEach((li, index) => {
      li.setAttribute("aria-selected", String(index === this.active));
    });
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `person-option-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  key(event) {
    const open = !this.list.hidden && this.options.length > 0;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      this.active = (this.active + 1) % this.options.length;
      this.highlight();
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      this.active = (this.active - 1 + this.options.length) % this.options.length;
      this.highlight();
    } else if (event.key === "Enter" && open && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === "Escape") {
      this.close();
    } else if (event.key === "Enter" && this.input.value.trim() === "") {
      event.preventDefault();
      this.onChoose(null);
    }
  }

  choose(index) {
    const person = this.options[index];
    this.set(person);
    this.onChoose(person);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
