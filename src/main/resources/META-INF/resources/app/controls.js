// The filter form, the token field and the small-screen filter toggle.
import { $ } from './dom.js';
import { token } from './api.js';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function syncControls(state) {
  $('f-timeline').value = state.timeline;
  $('f-q').value = state.q;
  $('f-from').value = state.from;
  $('f-to').value = state.to;
  $('f-order').value = state.order;
  $('f-group').value = state.group;
  $('f-retracted').checked = state.include === 'retracted';
  for (const id of ['f-from', 'f-to']) $(id).removeAttribute('aria-invalid');
}

export function askToken(message) {
  const panel = $('token-panel');
  panel.hidden = false;
  $('token-toggle').setAttribute('aria-expanded', 'true');
  $('token-message').textContent = message || '';
  $('token-input').value = token.get();
  $('token-input').focus();
}

export function hideToken() {
  $('token-panel').hidden = true;
  $('token-toggle').setAttribute('aria-expanded', 'false');
  $('token-message').textContent = '';
}

function dateField(id, name, state, reload) {
  const input = $(id);
  input.addEventListener('change', () => {
    const value = input.value.trim();
    if (value && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    state[name] = value;
    reload();
  });
}

export function bindControls(state, actions) {
  const { reload, clearFilters, setRange, tokenSaved } = actions;
  $('filter-form').addEventListener('submit', (e) => e.preventDefault());
  $('f-timeline').addEventListener('change', (e) => {
    state.timeline = e.target.value;
    reload();
  });
  let typing;
  $('f-q').addEventListener('input', (e) => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      if (state.q === e.target.value.trim()) return;
      state.q = e.target.value.trim();
      reload();
    }, 350);
  });
  dateField('f-from', 'from', state, reload);
  dateField('f-to', 'to', state, reload);
  $('f-order').addEventListener('change', (e) => {
    state.order = e.target.value;
    reload();
  });
  $('f-group').addEventListener('change', (e) => {
    state.group = e.target.value;
    reload();
  });
  $('f-retracted').addEventListener('change', (e) => {
    state.include = e.target.checked ? 'retracted' : '';
    reload();
  });
  $('clear-filters').addEventListener('click', clearFilters);
  $('histogram-clear').addEventListener('click', () => setRange('', ''));
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('click', (e) => {
    if (e.target === $('detail')) $('detail').close();
  });
  $('token-toggle').addEventListener('click', () => {
    if ($('token-panel').hidden) askToken('');
    else hideToken();
  });
  $('token-panel').addEventListener('submit', (e) => {
    e.preventDefault();
    token.set($('token-input').value);
    tokenSaved();
  });
  $('token-clear').addEventListener('click', () => {
    token.clear();
    $('token-input').value = '';
    tokenSaved();
  });
  const toggle = $('filters-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    $('filters').classList.toggle('open', open);
  });
}
