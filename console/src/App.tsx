import { match, Router, useRoute } from './router';
import { SessionGate } from './session';
import { Shell } from './ui/Shell';
import { SignIn } from './pages/SignIn';
import { Overview } from './pages/Overview';
import { Numbers } from './pages/Numbers';
import { NumberPage } from './pages/NumberPage';
import { Calls } from './pages/Calls';
import { CallPage } from './pages/CallPage';
import { SmsPage } from './pages/Sms';
import { Credits } from './pages/Credits';
import { Webhooks } from './pages/Webhooks';
import { WebhookPage } from './pages/WebhookPage';
import { Contacts } from './pages/Contacts';
import { ContactPage } from './pages/ContactPage';
import { EmptyState } from './ui/bits';

const ROUTES: [string, (p: Record<string, string>) => React.ReactNode][] = [
  ['/', () => <Overview />],
  ['/numbers', () => <Numbers />],
  ['/numbers/:id', (p) => <NumberPage id={p.id!} />],
  ['/calls', () => <Calls />],
  ['/calls/:id', (p) => <CallPage id={p.id!} />],
  ['/sms', () => <SmsPage />],
  ['/credits', () => <Credits />],
  ['/webhooks', () => <Webhooks />],
  ['/webhooks/:id', (p) => <WebhookPage id={p.id!} />],
  ['/contacts', () => <Contacts />],
  ['/contacts/:id', (p) => <ContactPage id={p.id!} />],
];

function Pages() {
  const { path } = useRoute();
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, path);
    if (params) return <>{render(params)}</>;
  }
  return <EmptyState title="No such page">Pick a section from the menu.</EmptyState>;
}

export function App() {
  return (
    <Router>
      <SessionGate signIn={(p) => <SignIn {...p} />}>
        <Shell>
          <Pages />
        </Shell>
      </SessionGate>
    </Router>
  );
}
