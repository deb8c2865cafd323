// A wide table scrolls inside its own region, not the page (WCAG 2.1 1.4.10 Reflow): every
// table gets a wrapper that a keyboard can reach and a screen reader names after the caption.
// Without this script the stylesheet lets the table itself scroll (kansli.css, "Tables").
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("main table").forEach((table, index) => {
    let wrapper = table.parentElement;
    if (!wrapper.classList.contains("table-scroll")) {
      wrapper = document.createElement("div");
      wrapper.className = "table-scroll";
      table.replaceWith(wrapper);
      wrapper.append(table);
    }
    if (wrapper.scrollWidth <= wrapper.clientWidth || wrapper.hasAttribute("tabindex")) {
      return;
    }
    const caption = table.querySelector("caption");
    if (caption) {
      caption.id ||= `table-caption-${index}`;
      wrapper.setAttribute("aria-labelledby", caption.id);
    } else {
      wrapper.setAttribute("aria-label", document.documentElement.lang === "en" ? "Table" : "Tabell");
    }
    wrapper.setAttribute("role", "region");
    wrapper.tabIndex = 0;
  });
});
