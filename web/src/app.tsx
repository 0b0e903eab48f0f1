import { useEffect, useRef } from 'preact/hooks';
import { useJson } from './api';
import { LabelsContext, NO_LABELS, type Labels } from './labels';
import { link, useRoute, type Route } from './router';
import { Overview } from './views/Overview';
import { Documents } from './views/Documents';
import { Timeline } from './views/Timeline';
import { DyadView } from './views/Dyad';
import { NetworkView } from './views/Network';
import { Ledger } from './views/Ledger';
import { Claims } from './views/Claims';
import { Agreements } from './views/Agreements';
import { Reader } from './views/Reader';
import { Search } from './views/Search';

const NAV: { view: string; label: string }[] = [
  { view: '', label: 'Overview' },
  { view: 'documents', label: 'Documents' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'dyad', label: 'Dyads' },
  { view: 'network', label: 'Network' },
  { view: 'ledger', label: 'Ledger' },
  { view: 'claims', label: 'Claims' },
  { view: 'agreements', label: 'Agreements' },
  { view: 'search', label: 'Search' },
];

/** not a view of the dashboard: the API's own page (served by the server, outside the hash router) */
const API_DOCS = '/api/docs';

const TITLES: Record<string, string> = {
  '': 'Overview',
  documents: 'Documents',
  timeline: 'Timeline',
  dyad: 'Dyad explorer',
  network: 'Network',
  ledger: 'Ledger',
  claims: 'Claims',
  agreements: 'Agreements & compliance',
  compliance: 'Agreements & compliance',
  reader: 'Reader',
  search: 'Search',
};

function View({ route }: { route: Route }) {
  switch (route.view) {
    case '':
    case 'overview':
      return <Overview />;
    case 'documents':
      return <Documents route={route} />;
    case 'timeline':
      return <Timeline route={route} />;
    case 'dyad':
      return <DyadView route={route} />;
    case 'network':
      return <NetworkView route={route} />;
    case 'ledger':
      return <Ledger route={route} />;
    case 'claims':
      return <Claims route={route} />;
    case 'agreements':
    case 'compliance':
      return <Agreements route={route} />;
    case 'reader':
      return <Reader route={route} />;
    case 'search':
      return <Search route={route} />;
    default:
      return (
        <section>
          <h1>Not found</h1>
          <p>
            There is no view called “{route.view}”. <a href="#/">Back to the overview</a>.
          </p>
        </section>
      );
  }
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const active = route.view === 'overview' ? '' : route.view === 'compliance' ? 'agreements' : route.view;
  // names for ids and codes, loaded once: every view shows names first (#16)
  const labels = useJson<Labels>('/api/labels');

  // a new view (not a new filter) starts at the top, and its title names it
  useEffect(() => {
    document.title = `${TITLES[route.view] ?? 'Not found'} · statecraft`;
    if (route.view !== 'reader') window.scrollTo(0, 0);
  }, [route.view]);

  return (
    <LabelsContext.Provider value={labels.data ?? NO_LABELS}>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <div class="top-inner">
          <a class="brand" href="#/">
            statecraft
          </a>
          <nav class="nav" aria-label="Views">
            <ul>
              {NAV.map((n) => (
                <li key={n.view}>
                  <a href={link(n.view)} aria-current={active === n.view ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
              <li>
                <a href={API_DOCS} class="nav-api">
                  API
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
      <footer class="foot">
        <span>statecraft — a sourced model of international politics. Every record links to the words it came from.</span>
        <a href="/api/export" download="statecraft-export.jsonl">
          Export everything (JSONL)
        </a>
      </footer>
    </LabelsContext.Provider>
  );
}
