/* The newsroom dashboard: draws each panel's chart with Chartist, makes every bar open the list
   behind it, and refreshes the figures from the JSON endpoint while the tab is in view.
   The page's tables and figures are rendered by the server first; this script redraws them from
   the same data shape (claims/admin/dashboard.py, dashboard_figures). */
(function () {
  "use strict";

  const root = document.querySelector("[data-figures-url]");
  const initial = document.getElementById("dashboard-figures");
  if (!root || !initial || !window.Chartist) {
    return;
  }
  const Chartist = window.Chartist;
  const REFRESH_MS = Number(root.dataset.refreshSeconds || 45) * 1000;
  const BAR = 18; // bar thickness in pixels
  const ROW = 30; // height of one horizontal bar's row
  const OUTLINE = "#333333"; // around bars too light to stand out from the page
  const LABEL_CHARS = 19;

  let figures = JSON.parse(initial.textContent);
  const charts = {};
  const shown = {}; // the panel data each chart currently shows, in drawing order

  function isHorizontal(kind) {
    return kind === "horizontal" || kind === "horizontal-stacked";
  }

  function isStacked(kind) {
    return kind === "stacked" || kind === "horizontal-stacked";
  }

  // Horizontal bars are drawn bottom-up; reversing every array keeps the table's order on top.
  function drawingOrder(chart) {
    if (!isHorizontal(chart.kind)) {
      return chart;
    }
    const reversed = (list) => list.slice().reverse();
    return {
      kind: chart.kind,
      labels: reversed(chart.labels),
      series: chart.series.map((series) => ({
        name: series.name,
        values: reversed(series.values),
        colours: reversed(series.colours),
        outlines: reversed(series.outlines),
        urls: reversed(series.urls),
      })),
    };
  }

  function options(chart) {
    const horizontal = isHorizontal(chart.kind);
    const shorten = (label) =>
      String(label).length > LABEL_CHARS ? String(label).slice(0, LABEL_CHARS - 1) + "…" : label;
    const integers = { onlyInteger: true, low: 0 };
    return {
      horizontalBars: horizontal,
      stackBars: isStacked(chart.kind),
      seriesBarDistance: 0,
      height: horizontal ? Math.max(chart.labels.length, 1) * ROW + 30 : 230,
      // Room for the count written at a bar's end (countLabelled).
      chartPadding: { top: horizontal ? 10 : 22, right: horizontal ? 36 : 20, bottom: 0, left: 0 },
      axisX: horizontal ? integers : { showGrid: false },
      axisY: horizontal
        ? { offset: 140, showGrid: false, labelInterpolationFnc: shorten }
        : Object.assign({ offset: 30 }, integers),
    };
  }

  // Chartist draws a bar as a thick line; a rectangle can carry an outline, a title and a link.
  function drawBar(key, data) {
    if (data.type !== "bar") {
      return;
    }
    const chart = shown[key];
    const series = chart.series[data.seriesIndex];
    const i = data.index;
    const horizontal = isHorizontal(chart.kind);
    // Columns over weeks widen with the panel, to three fifths of their slot.
    const slot = data.chartRect ? data.chartRect.width() / Math.max(chart.labels.length, 1) : 0;
    const thick = horizontal ? BAR : Math.max(BAR, Math.min(40, slot * 0.6));
    const box = horizontal
      ? { x: Math.min(data.x1, data.x2), y: data.y1 - thick / 2, width: Math.abs(data.x2 - data.x1), height: thick }
      : { x: data.x1 - thick / 2, y: Math.min(data.y1, data.y2), width: thick, height: Math.abs(data.y2 - data.y1) };
    const outlined = series.outlines[i];
    const rect = new Chartist.Svg(
      "rect",
      Object.assign(box, {
        fill: series.colours[i],
        stroke: outlined ? OUTLINE : "none",
        "stroke-width": outlined ? 1 : 0,
        "data-href": series.urls[i],
      }),
      // Not Chartist's "ct-bar": its stylesheet would paint over the colours set here.
      "dashboard-bar"
    );
    const who = chart.series.length > 1 ? chart.labels[i] + ", " + series.name : chart.labels[i];
    rect.elem("title").text(who + ": " + series.values[i]);
    data.element.replace(countLabelled(rect, box, series.values[i], chart));
  }

  // A small count beside a long one is a sliver of a few pixels: its number is written at the
  // bar's end, so it reads at a glance while the bar keeps its true length on the scale.
  // Stacked bars keep their segments bare; their table gives each figure.
  function countLabelled(rect, box, value, chart) {
    if (isStacked(chart.kind) || !value) {
      return rect;
    }
    const group = new Chartist.Svg("g");
    group.append(rect);
    const horizontal = isHorizontal(chart.kind);
    group
      .elem(
        "text",
        horizontal
          ? { x: box.x + box.width + 4, y: box.y + box.height / 2, "dominant-baseline": "central" }
          : { x: box.x + box.width / 2, y: box.y - 4, "text-anchor": "middle" },
        "bar-count"
      )
      .text(String(value));
    return group;
  }

  function legend(panelElement, chart) {
    let list = panelElement.querySelector(".chart-legend");
    if (chart.series.length < 2) {
      return;
    }
    if (!list) {
      list = document.createElement("ul");
      list.className = "chart-legend";
      list.setAttribute("aria-hidden", "true"); // the table's headings name the same series
      panelElement.querySelector(".chart-box").append(list);
    }
    list.replaceChildren(
      ...chart.series.map((series) => {
        const item = document.createElement("li");
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = series.colours[0] || "transparent";
        item.append(swatch, series.name);
        return item;
      })
    );
  }

  function drawChart(panel, panelElement) {
    const chart = drawingOrder(panel.chart);
    shown[panel.key] = chart;
    const data = { labels: chart.labels, series: chart.series.map((series) => series.values) };
    if (charts[panel.key]) {
      charts[panel.key].update(data, options(chart), true);
    } else {
      const target = panelElement.querySelector("[data-chart]");
      const drawn = new Chartist.BarChart(target, data, options(chart));
      drawn.on("draw", (event) => drawBar(panel.key, event));
      charts[panel.key] = drawn;
    }
    legend(panelElement, panel.chart);
  }

  function link(text, url) {
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.textContent = text;
    return anchor;
  }

  function fillTable(table, panel) {
    const head = document.createElement("tr");
    for (const column of panel.table.columns) {
      const cell = document.createElement("th");
      cell.scope = "col";
      cell.textContent = column;
      head.append(cell);
    }
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(
      ...panel.table.rows.map((row) => {
        const line = document.createElement("tr");
        row.forEach((value, position) => {
          const cell = document.createElement(position === 0 ? "th" : "td");
          if (position === 0) {
            cell.scope = "row";
            cell.textContent = value.text;
          } else {
            cell.className = "number";
            cell.append(value.url ? link(value.text, value.url) : value.text);
          }
          line.append(cell);
        });
        return line;
      })
    );
  }

  function fillFigures() {
    const list = root.querySelector("[data-key-figures]");
    list.replaceChildren(
      ...figures.figures.map((figure) => {
        const item = document.createElement("li");
        item.className = "key-figure";
        item.dataset.key = figure.key;
        const label = document.createElement("span");
        label.className = "key-figure-label";
        label.textContent = figure.label;
        let value;
        if (figure.url) {
          value = link(figure.text, figure.url);
        } else {
          value = document.createElement("span");
          value.textContent = figure.text;
        }
        value.className = "key-figure-value";
        const note = document.createElement("span");
        note.className = "key-figure-note";
        note.textContent = figure.note;
        item.append(label, value, note);
        return item;
      })
    );
  }

  function render(redrawTables) {
    for (const panel of figures.panels) {
      const element = document.getElementById("panel-" + panel.key);
      if (!element) {
        continue;
      }
      const filled = panel.table.rows.length > 0;
      element.querySelector("[data-filled]").hidden = !filled;
      element.querySelector("[data-empty]").hidden = filled;
      if (redrawTables) {
        fillTable(element.querySelector("[data-table]"), panel);
        const total = element.querySelector("[data-total]");
        if (total && panel.total) {
          total.textContent = panel.total.text;
          total.href = panel.total.url;
        }
      }
      if (filled) {
        drawChart(panel, element);
      }
    }
  }

  root.addEventListener("click", (event) => {
    const bar = event.target.closest(".dashboard-bar[data-href]");
    if (bar) {
      window.location.assign(bar.getAttribute("data-href"));
    }
  });

  async function refresh() {
    if (document.hidden) {
      return;
    }
    try {
      const response = await fetch(root.dataset.figuresUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        return; // signed out or refused: keep the figures shown and try again later
      }
      figures = await response.json();
    } catch (error) {
      return; // offline for a moment: the next round tries again
    }
    root.querySelector("[data-updated]").textContent = figures.updated_at;
    fillFigures();
    render(true);
  }

  let timer = null;
  function start() {
    if (timer === null) {
      timer = window.setInterval(refresh, REFRESH_MS);
    }
  }
  function stop() {
    window.clearInterval(timer);
    timer = null;
  }
  // A hidden tab asks for nothing; coming back shows fresh figures at once.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      stop();
    } else {
      refresh();
      start();
    }
  });

  render(false);
  if (!document.hidden) {
    start();
  }
})();
