import { DEMO_AGENTS, DEMO_CUSTOMER_USERS, DEMO_CUSTOMERS } from './demo-data.ts';

export interface DemoLogin {
  kind: 'agent' | 'customer';
  login: string;
  password: string;
  description: string;
}

/** The demo's logins and passwords, printed by `sportello start --demo` and listed in the README. */
export function demoLogins(): DemoLogin[] {
  const customerName = (key: string | undefined) => DEMO_CUSTOMERS.find((customer) => customer.key === key)?.name ?? '';
  return [
    ...DEMO_AGENTS.map((agent) => ({
      kind: 'agent' as const,
      login: agent.login,
      password: agent.password,
      description: agent.description,
    })),
    ...DEMO_CUSTOMER_USERS.map((user) => ({
      kind: 'customer' as const,
      login: user.login,
      password: user.password,
      description: user.customers.map(customerName).join(' and '),
    })),
  ];
}
