/* prepcheck embed, inside the iframe (version 1): tells the host page the height of the content and when a new
   page opens, and moves focus to the top of the new page. Messages go only to the tenant's allowed origins (never
   "*") and carry no answers: {type: "prepcheck:resize", height} and {type: "prepcheck:page"}. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.parent === window) { return; }
  var allowed = (script.getAttribute("data-origins") || "").split(" ").filter(Boolean);
  var targets = allowed;
  // Chromium and WebKit name the parent's origin; Firefox does not, and then each allowed origin is tried:
  // the browser delivers a message only to a parent whose origin is the one named.
  var ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length) {
    targets = allowed.indexOf(ancestors[0]) >= 0 ? [ancestors[0]] : [];
  }
  function post(message) {
    targets.forEach(function (origin) { window.parent.postMessage(message, origin); });
  }
  var lastHeight = 0;
  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: "prepcheck:resize", height: height });
    }
  }
  if (window.ResizeObserver) {
    new ResizeObserver(reportHeight).observe(document.documentElement);
  } else {
    window.addEventListener("resize", reportHeight);
  }
  reportHeight();
  // A page reached from another page of the check (not the first one, which loads with the host page).
  var fromInside = false;
  try { fromInside = !!document.referrer && new URL(document.referrer).origin === window.location.origin; } catch (e) { fromInside = false; }
  if (fromInside) {
    var target = document.querySelector(".error-summary") || document.getElementById("main");
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus({ preventScroll: true });
    }
    post({ type: "prepcheck:page" });
  }
})();
