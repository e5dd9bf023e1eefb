// GraphiQL with the explorer plugin, bundled so that the IDE loads nothing from another site.
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import "graphiql/graphiql.css";
import "@graphiql/plugin-explorer/dist/style.css";

const root = document.getElementById("graphiql");
// The endpoint comes from the page, so the IDE works under any root path.
const endpoint = root.dataset.graphql;
async function fetcher(params) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(params),
    credentials: "same-origin",
  });
  return response.json();
}
const explorer = explorerPlugin();
createRoot(root).render(React.createElement(GraphiQL, { fetcher, plugins: [explorer], defaultEditorToolsVisibility: true }));
