// Click (or focus and press Enter on) a marked word to see what kabar knows about it: the
// entity, the quote and the event around it. Details are read from the JSON block that the
// server wrote into the page and shown with textContent only, never parsed as HTML.
(function () {
  "use strict";
  function details() {
    var block = document.getElementById("mark-details");
    if (!block) return null;
    try { return JSON.parse(block.textContent || "{}"); } catch (e) { return {}; }
  }
  function show(panel, table, target) {
    var refs = [];
    for (var el = target; el && !(el.classList && el.classList.contains("doc")); el = el.parentElement) {
      var ref = el.getAttribute && el.getAttribute("data-ref");
      if (ref && table[ref]) refs.push(ref);
    }
    if (!refs.length) return;
    panel.replaceChildren();
    refs.forEach(function (ref) {
      var info = table[ref];
      var box = document.createElement("section");
      box.className = "detail";
      box.setAttribute("data-for", ref);
      var head = document.createElement("h3");
      head.textContent = info.kind;
      box.appendChild(head);
      var list = document.createElement("dl");
      Object.keys(info).forEach(function (key) {
        var value = info[key];
        if (key === "kind" || value === null || value === undefined || value === "") return;
        var dt = document.createElement("dt");
        dt.textContent = key;
        var dd = document.createElement("dd");
        dd.textContent = String(value);
        list.appendChild(dt);
        list.appendChild(dd);
      });
      box.appendChild(list);
      panel.appendChild(box);
    });
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll('[data-ref="' + CSS.escape(refs[0]) + '"]').forEach(function (el) { el.classList.add("selected"); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var table = details();
    var panel = document.getElementById("details");
    if (!table || !panel) return;
    document.querySelectorAll(".doc [data-ref]").forEach(function (el) { el.tabIndex = 0; });
    document.addEventListener("click", function (ev) {
      if (ev.target.closest && ev.target.closest(".doc")) show(panel, table, ev.target);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target.closest && ev.target.closest(".doc")) show(panel, table, ev.target);
    });
  });
})();
