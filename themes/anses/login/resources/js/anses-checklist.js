// Live checklist of the realm's password policy: each rule the server listed, checked as the citizen
// types. Rules only the server can check (history, denylist, personal data) stay "pending".
(function () {
  var caja = document.getElementById("anses-checklist");
  if (!caja) return;
  var campo = document.getElementById(caja.dataset.campo);

  function serie(clave, largo) {
    var t = clave.toLowerCase(), sube = 1, baja = 1;
    for (var i = 1; i < t.length; i++) {
      var a = t.charCodeAt(i - 1), b = t.charCodeAt(i);
      var misma = /[0-9]/.test(t[i - 1]) === /[0-9]/.test(t[i]);
      sube = misma && b === a + 1 ? sube + 1 : 1;
      baja = misma && b === a - 1 ? baja + 1 : 1;
      if (sube >= largo || baja >= largo) return true;
    }
    return false;
  }

  function repeticion(clave) {
    var t = clave.toLowerCase(), larga = t ? 1 : 0, actual = 1;
    for (var i = 1; i < t.length; i++) {
      actual = t[i] === t[i - 1] ? actual + 1 : 1;
      larga = Math.max(larga, actual);
    }
    return larga;
  }

  var chequeos = {
    minimo: function (c, n) { return c.length >= n; },
    maximo: function (c, n) { return c.length <= n; },
    digitos: function (c, n) { return (c.match(/[0-9]/g) || []).length >= n; },
    mayusculas: function (c, n) { return (c.match(/[A-Z]/g) || []).length >= n; },
    minusculas: function (c, n) { return (c.match(/[a-z]/g) || []).length >= n; },
    alfanumerica: function (c) { return /^[A-Za-z0-9]*$/.test(c); },
    repetidos: function (c, n) { return repeticion(c) <= n; },
    series: function (c, n) { return !serie(c, n); }
  };

  function actualizar() {
    var clave = campo.value;
    caja.querySelectorAll("li[data-chequeo]").forEach(function (li) {
      var chequeo = chequeos[li.dataset.chequeo];
      if (!chequeo) return;
      li.dataset.estado = clave === "" ? "pendiente" : (chequeo(clave, parseInt(li.dataset.limite, 10)) ? "cumple" : "incumple");
      // what the icon shows, said to screen readers
      li.querySelector(".anses-check-estado").textContent = caja.dataset[li.dataset.estado];
    });
  }

  campo.addEventListener("input", actualizar);
  actualizar();
})();
