/* Kiểm Chứng — small progressive enhancements; every page works without JavaScript. */
(function () {
  "use strict";

  // Deferred scripts run in document order before DOMContentLoaded: waiting for it lets vendored libraries
  // declared after this file load first.
  function onReady(fn) {
    if (document.readyState === "complete") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  // "Copy" buttons: data-copy="#selector" copies that element's value/text.
  function initCopy() {
    document.querySelectorAll("button[data-copy]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var el = document.querySelector(btn.getAttribute("data-copy"));
        if (!el) { return; }
        var text = el.value !== undefined ? el.value : el.textContent;
        var done = function () { btn.dataset.copied = "1"; btn.textContent = btn.getAttribute("data-done") || "✓"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { el.select && el.select(); });
        } else if (el.select) {
          el.select(); done();
        }
      });
    });
  }

  // Upload with a progress bar (the form still posts normally without JavaScript).
  function initUpload() {
    var form = document.getElementById("import-form");
    if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
    var bar = document.getElementById("import-progress");
    var status = document.getElementById("import-status");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action"));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable && bar) { bar.value = Math.round((e.loaded / e.total) * 100); }
      });
      xhr.addEventListener("load", function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText); } catch (err) { data = { detail: xhr.responseText }; }
        if (bar) { bar.value = 100; }
        if (status) {
          status.textContent = data.message || data.detail || String(xhr.status);
          status.className = xhr.status < 400 ? "alert ok" : "alert";
        }
      });
      xhr.addEventListener("error", function () {
        if (status) { status.textContent = form.getAttribute("data-error") || "Error"; status.className = "alert"; }
      });
      if (bar) { bar.value = 0; bar.hidden = false; }
      xhr.send(new FormData(form));
    });
  }

  // Charts: <canvas data-chart="id-of-json-script">; the JSON holds a Chart.js config (type, data, options).
  function initCharts() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-chart"));
      if (!src) { return; }
      var cfg = JSON.parse(src.textContent);
      cfg.options = cfg.options || {};
      cfg.options.responsive = true;
      cfg.options.maintainAspectRatio = false;
      cfg.options.animation = false;
      var chart = new window.Chart(canvas, cfg);
      canvas.dataset.rendered = String(chart.data.datasets.length);
    });
  }

  onReady(function () { initCopy(); initUpload(); initCharts(); });
})();
