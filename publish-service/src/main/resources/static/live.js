// The live page of publish-service: the newest stories, then every change as it is published.
// Article data is only ever written with textContent and checked attributes, never as HTML.
'use strict';

(function () {
  const LIST_SIZE = 50;
  const list = document.getElementById('articles');
  const empty = document.getElementById('empty');
  const status = document.getElementById('status');
  const filterForm = document.getElementById('filter');
  const entityInput = document.getElementById('entity');
  const shown = new Map(); // article id -> its element
  const killed = new Set(); // ids killed since the list was asked for, which an older list answer may still hold
  const clusterLeads = new Map(); // story cluster id -> its lead's article id, as the stream's clustered events say
  let source = null;
  let generation = 0; // bumps on every filter change, so answers for an old filter are dropped

  function entities() {
    return entityInput.value.split(',').map(value => value.trim()).filter(value => value.length > 0);
  }

  function query(extra) {
    const params = new URLSearchParams(extra || {});
    entities().forEach(entity => params.append('entity', entity));
    const text = params.toString();
    return text ? '?' + text : '';
  }

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  // Only web links become links: a javascript: or data: url from a partner must never be clickable.
  function webUrl(value) {
    if (typeof value !== 'string') {
      return null;
    }
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(className, href, text) {
    const anchor = element('a', className, text);
    anchor.href = href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    return anchor;
  }

  function render(article) {
    const item = element('li', 'story');
    item.dataset.id = article.id;
    item.dataset.version = String(article.version);
    item.dataset.action = String(article.action || '').toLowerCase();
    item.dataset.cluster = typeof article.clusterId === 'string' ? article.clusterId : '';
    item.dataset.created = String(article.firstCreated || '');

    item.appendChild(element('h2', 'headline', article.headline));

    const meta = element('p', 'meta');
    const time = element('time', 'time', formatTime(article.firstCreated));
    time.dateTime = article.firstCreated || '';
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(' · '));
    meta.appendChild(element('span', 'source', article.source));
    if (item.dataset.action === 'corrected' || item.dataset.action === 'updated') {
      meta.appendChild(element('span', 'badge ' + item.dataset.action,
          item.dataset.action === 'corrected' ? 'Corrected' : 'Updated'));
    }
    item.appendChild(meta);

    const chips = element('ul', 'chips');
    (article.entities || []).forEach(entity => {
      const chip = element('li');
      const href = entity.link ? webUrl(entity.link.wikipediaUrl) : null;
      const label = href ? link('chip entity', href, entity.name) : element('span', 'chip entity', entity.name);
      label.title = entity.link && entity.link.wikidataId ? entity.link.wikidataId : String(entity.type || '');
      label.appendChild(element('span', 'type', entity.type));
      chip.appendChild(label);
      chips.appendChild(chip);
    });
    if (chips.childElementCount > 0) {
      item.appendChild(chips);
    }

    const related = element('ul', 'related');
    (article.related || []).forEach(relatedLink => {
      const entry = element('li');
      const href = webUrl(relatedLink.uri);
      const label = href ? link('related-link', href, relatedLink.title)
          : element('span', 'related-link', relatedLink.title);
      if (relatedLink.reason) {
        label.title = relatedLink.reason;
      }
      entry.appendChild(label);
      related.appendChild(entry);
    });
    if (related.childElementCount > 0) {
      item.appendChild(related);
    }
    return item;
  }

  function formatTime(instant) {
    const date = new Date(instant);
    return isNaN(date.getTime()) ? '' : date.toLocaleString();
  }

  function refreshEmpty() {
    empty.hidden = shown.size > 0;
  }

  // The members of a story cluster live under their lead: the lead the stream named, else the
  // earliest shown member. The group keeps its place in the list when its lead changes.
  function regroup(clusterId) {
    if (!clusterId) {
      return;
    }
    const members = Array.from(shown.values()).filter(node => node.dataset.cluster === clusterId)
      .sort((first, second) => Date.parse(first.dataset.created) - Date.parse(second.dataset.created)
        || (first.dataset.id < second.dataset.id ? -1 : 1));
    if (members.length === 0) {
      return;
    }
    const named = shown.get(clusterLeads.get(clusterId));
    const lead = named && named.dataset.cluster === clusterId ? named : members[0];
    const anchor = members.find(node => node.parentElement === list);
    if (lead.parentElement !== list) {
      if (anchor) {
        anchor.before(lead);
      } else {
        list.prepend(lead);
      }
    }
    lead.classList.remove('member');
    let group = lead.querySelector(':scope > ol.members');
    if (!group) {
      group = element('ol', 'members');
      lead.appendChild(group);
    }
    members.filter(node => node !== lead).forEach(node => {
      node.classList.add('member');
      group.appendChild(node);
    });
    members.filter(node => node !== lead).forEach(node => {
      const former = node.querySelector(':scope > ol.members');
      if (former) {
        former.remove();
      }
      const size = node.querySelector(':scope > .meta > .cluster-size');
      if (size) {
        size.remove();
      }
    });
    let size = lead.querySelector(':scope > .meta > .cluster-size');
    if (group.childElementCount === 0) {
      group.remove();
      if (size) {
        size.remove();
      }
      return;
    }
    if (!size) {
      size = element('span', 'badge cluster-size');
      lead.querySelector(':scope > .meta').appendChild(size);
    }
    size.textContent = members.length + ' reports';
  }

  // The members a shown lead carries go back to the top level before the lead is replaced or removed.
  function releaseMembers(node) {
    const group = node.querySelector(':scope > ol.members');
    if (group) {
      Array.from(group.children).forEach(member => {
        member.classList.remove('member');
        node.before(member);
      });
      group.remove();
    }
  }

  // A change replaces the shown version in place; a story not shown yet goes on top.
  function show(article, onTop) {
    if (!article || typeof article.id !== 'string') {
      return;
    }
    const current = shown.get(article.id);
    if (current && Number(current.dataset.version) > Number(article.version)) {
      return;
    }
    const item = render(article);
    if (current) {
      releaseMembers(current);
      current.replaceWith(item);
    } else if (onTop) {
      list.prepend(item);
    } else {
      list.appendChild(item);
    }
    shown.set(article.id, item);
    if (current && current.dataset.cluster !== item.dataset.cluster) {
      regroup(current.dataset.cluster);
    }
    regroup(item.dataset.cluster);
    refreshEmpty();
  }

  function remove(id) {
    const current = shown.get(id);
    if (current) {
      releaseMembers(current);
      current.remove();
      shown.delete(id);
      regroup(current.dataset.cluster);
      refreshEmpty();
    }
  }

  // A cluster's members or lead changed: the articles came before this, so only the grouping moves.
  function clustered(cluster) {
    if (!cluster || typeof cluster.id !== 'string') {
      return;
    }
    if (typeof cluster.leadId === 'string') {
      clusterLeads.set(cluster.id, cluster.leadId);
    } else {
      clusterLeads.delete(cluster.id);
    }
    regroup(cluster.id);
  }

  function clear() {
    shown.clear();
    killed.clear();
    clusterLeads.clear();
    list.replaceChildren();
    refreshEmpty();
  }

  // The newest stories; ones the stream already showed are newer and stay as they are.
  function loadList() {
    const asked = generation;
    return fetch('/v1/articles' + query({ limit: String(LIST_SIZE) }), { headers: { Accept: 'application/json' } })
      .then(response => response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)))
      .then(page => {
        if (asked !== generation) {
          return;
        }
        (page.items || []).forEach(article => {
          if (!shown.has(article.id) && !killed.has(article.id)) {
            show(article, false);
          }
        });
      })
      .catch(() => { /* the stream still shows what comes next */ });
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return null;
    }
  }

  function connect() {
    if (source) {
      source.close();
    }
    setStatus('connecting', 'Connecting…');
    // The browser resumes with Last-Event-ID on its own after any drop or a server's 'end'.
    source = new EventSource('/v1/stream' + query());
    source.onopen = () => setStatus('live', 'Live');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setStatus('closed', 'Disconnected – reload to retry');
      } else {
        setStatus('reconnecting', 'Reconnecting…');
      }
    };
    source.addEventListener('published', event => show(parse(event), true));
    source.addEventListener('updated', event => show(parse(event), true));
    source.addEventListener('corrected', event => show(parse(event), true));
    source.addEventListener('clustered', event => clustered(parse(event)));
    source.addEventListener('killed', event => {
      const kill = parse(event);
      if (kill && typeof kill.id === 'string') {
        killed.add(kill.id);
        remove(kill.id);
      }
    });
    // Events were missed and cannot be replayed: start over from the current list.
    source.addEventListener('reset', () => {
      generation++;
      clear();
      loadList();
    });
  }

  function start() {
    generation++;
    clear();
    connect();
    loadList();
  }

  filterForm.addEventListener('submit', event => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.delete('entity');
    entities().forEach(entity => url.searchParams.append('entity', entity));
    window.history.replaceState(null, '', url);
    start();
  });

  entityInput.value = new URLSearchParams(window.location.search).getAll('entity').join(', ');
  start();
}());
