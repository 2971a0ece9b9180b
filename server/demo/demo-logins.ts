import { cliText } from '../cli/cli-messages.ts';
import type { Language } from '../platform/i18n.ts';
import { DEMO_AGENTS, DEMO_CUSTOMER_USERS, DEMO_CUSTOMERS } from './demo-data.ts';

export interface DemoLogin {
  kind: 'agent' | 'customer';
  login: string;
  password: string;
  /** who this is, in the language asked for */
  description: string;
}

/** The demo's logins and passwords, printed by `sportello start --demo` and listed in the README. */
export function demoLogins(language: Language): DemoLogin[] {
  const customerName = (key: string | undefined) => DEMO_CUSTOMERS.find((customer) => customer.key === key)?.name ?? '';
  const names = (keys: string[]) =>
    keys
      .map(customerName)
      .reduce(
        (list, name) => (list ? cliText(language, 'demo.customers_and', { first: list, second: name }) : name),
        '',
      );
  return [
    ...DEMO_AGENTS.map((agent) => ({
      kind: 'agent' as const,
      login: agent.login,
      password: agent.password,
      description: cliText(language, agent.description),
    })),
    ...DEMO_CUSTOMER_USERS.map((user) => ({
      kind: 'customer' as const,
      login: user.login,
      password: user.password,
      description: names(user.customers),
    })),
  ];
}
