// Entry point: the styles of vis-timeline and of the page, then the page itself.
import "vis-timeline/styles/vis-timeline-graph2d.css";
import "./style.css";
import { start } from "./app.js";

function boot() {
  const root = document.getElementById("chronology-timeline");
  if (root) start(root);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
