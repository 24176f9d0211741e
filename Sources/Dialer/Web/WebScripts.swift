/// The desk's and the wallboard's scripts, served as files (`/static/…`): the pages hold no inline
/// script. They follow the page's event stream, put server-rendered, escaped HTML in place (the
/// contact's card) or set text (`textContent`, never markup, for every value), and post forms with
/// the session's CSRF token.
enum WebScripts {
    static let files: [String: String] = ["desk.js": desk, "wallboard.js": wallboard]

    private static let common = """
        'use strict';
        const csrf = (document.querySelector('meta[name=csrf]') || {}).content || '';
        const byId = (id) => document.getElementById(id);
        const texts = JSON.parse((byId('texts') || { dataset: {} }).dataset.json || '{}');
        const word = (key) => texts[key] || key;
        function duration(seconds) {
          seconds = Math.max(0, Math.floor(seconds));
          const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
          return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
        }
        function since(age) { return { age: age, at: Date.now() / 1000 }; }
        function elapsed(mark) { return mark ? duration(mark.age + Date.now() / 1000 - mark.at) : ''; }
        async function post(form, submitter) {
          const body = new URLSearchParams(new FormData(form, submitter));
          const response = await fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin',
            headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' } });
          try { return await response.json(); } catch (error) { return { ok: response.ok, message: response.statusText }; }
        }

        """

    static let desk = common + """
        let stateMark = null;
        function say(text, ok) { const box = byId('message'); box.textContent = text; box.className = ok === false ? 'error' : ''; }
        document.addEventListener('submit', (event) => {
          const form = event.target;
          if (!form.matches('form.presence, form.outcome, form.preview')) return;
          event.preventDefault();
          post(form, event.submitter).then((answer) => {
            say(answer.message, answer.ok);
            if (answer.ok && form.matches('form.outcome')) { form.dataset.saved = 'yes'; }
            if (answer.ok && form.matches('form.preview')) { byId('preview').textContent = ''; }
          });
        });
        setInterval(() => { byId('since').textContent = stateMark ? word('for') + ' ' + elapsed(stateMark) : ''; }, 1000);
        const events = new EventSource('/desk/events');
        events.addEventListener('state', (event) => {
          const message = JSON.parse(event.data);
          const state = byId('state');
          state.textContent = word(message.state) + (message.reason ? ' (' + message.reason + ')' : '');
          state.className = 'state-' + message.state;
          state.dataset.state = message.state;
          stateMark = since(message.age);
          byId('campaigns').textContent = message.campaign;
        });
        events.addEventListener('pop', (event) => {
          const message = JSON.parse(event.data);
          const call = byId('call');
          call.innerHTML = message.html;
          call.dataset.call = String(message.call);
          call.dataset.campaign = message.campaign;
          call.classList.toggle('ringing', !message.ended);
          if (!message.ended) document.title = 'Call · Dialer';
          if (message.crm_url && !message.ended) window.open(message.crm_url, 'dialer-crm');
        });
        events.addEventListener('ended', (event) => {
          const message = JSON.parse(event.data);
          const call = byId('call');
          if (call.dataset.call !== String(message.call)) return;
          call.classList.remove('ringing');
          document.title = 'Agent desk · Dialer';
          const note = document.createElement('p');
          note.className = 'ended';
          note.textContent = word('call-ended').replace('{outcome}', message.outcome);
          call.prepend(note);
        });
        events.addEventListener('recorded', (event) => {
          const message = JSON.parse(event.data);
          if (byId('call').dataset.call === String(message.call)) say(word('saved'), true);
        });
        events.addEventListener('preview', (event) => {
          const message = JSON.parse(event.data);
          const preview = byId('preview');
          preview.innerHTML = message.html;
          preview.dataset.job = String(message.job);
        });
        events.addEventListener('preview-ended', (event) => {
          const message = JSON.parse(event.data);
          const preview = byId('preview');
          if (preview.dataset.job === String(message.job)) { preview.textContent = ''; delete preview.dataset.job; }
        });
        events.addEventListener('reload', () => location.reload());

        """

    static let wallboard = common + """
        const marks = new Map();
        function section(campaign) { return document.querySelector('section.campaign[data-campaign="' + CSS.escape(campaign) + '"]'); }
        function field(campaign, name, text) {
          const place = section(campaign) && section(campaign).querySelector('[data-field="' + name + '"]');
          if (place) place.textContent = text;
          return place;
        }
        const events = new EventSource('/wallboard/events');
        events.addEventListener('agent', (event) => {
          const message = JSON.parse(event.data);
          const table = section(message.campaign) && section(message.campaign).querySelector('table.agents tbody');
          if (!table) return;
          let row = Array.from(table.rows).find((candidate) => candidate.dataset.agent === message.agent);
          if (!row) {
            row = table.insertRow();
            row.dataset.agent = message.agent;
            for (let i = 0; i < 3; i++) row.insertCell();
            row.cells[0].textContent = message.agent;
            row.cells[1].className = 'state';
            row.cells[2].className = 'since';
          }
          row.cells[1].textContent = word(message.state) + (message.reason ? ' (' + message.reason + ')' : '');
          row.dataset.state = message.state;
          marks.set(message.campaign + '\\u0000' + message.agent, { row: row, mark: since(message.age) });
        });
        events.addEventListener('figures', (event) => {
          const message = JSON.parse(event.data);
          const figures = message.figures;
          for (const name of ['calls_ringing', 'calls_waiting', 'calls_connected', 'agents_logged_in', 'agents_ready']) {
            field(message.campaign, name, String(figures[name]));
          }
          field(message.campaign, 'dial_level', figures.dial_level.toFixed(2));
          const rate = field(message.campaign, 'abandon_rate',
            (figures.abandon_rate * 100).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 }) + ' %');
          if (rate) rate.classList.toggle('over', figures.abandon_rate >= figures.abandon_cap);
        });
        events.addEventListener('reload', () => location.reload());
        setInterval(() => { for (const { row, mark } of marks.values()) row.cells[2].textContent = elapsed(mark); }, 1000);
        async function refresh() {
          try {
            const response = await fetch('/wallboard/status.json', { credentials: 'same-origin' });
            for (const board of await response.json()) {
              for (const name of ['state', 'done', 'contacts', 'due_now', 'calls_in_flight', 'not_dialed', 'sms', 'webhooks']) {
                field(board.campaign, name, String(board[name]));
              }
            }
          } catch (error) { /* the next refresh tries again */ }
        }
        setInterval(refresh, 5000);

        """
}
