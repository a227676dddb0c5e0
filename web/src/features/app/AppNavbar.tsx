import { AppShell, Badge, Divider, NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../api/types.ts';
import { accountNav, navByRole, roleLabels, type NavItem } from './nav.ts';

interface AppNavbarProps {
  user: SessionUser;
  onNavigate: () => void;
}

function NavItemLink({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate: () => void }) {
  return (
    <NavLink
      component={Link}
      to={item.path}
      label={item.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      fw={active ? 700 : 500}
      variant="filled"
      onClick={onNavigate}
    />
  );
}

export function AppNavbar({ user, onNavigate }: AppNavbarProps) {
  const { pathname } = useLocation();
  const current = pathname.replace(/\/+$/, '') || '/';
  return (
    <AppShell.Navbar p="sm" aria-label="Main">
      <Stack gap={2} hiddenFrom="sm" mb="sm">
        <Text fw={700}>{user.name}</Text>
        <Badge variant="outline" color="gray.8">
          {roleLabels[user.role]}
        </Badge>
      </Stack>
      <AppShell.Section grow>
        {navByRole[user.role].map((item) => (
          <NavItemLink key={item.path} item={item} active={current === item.path} onNavigate={onNavigate} />
        ))}
      </AppShell.Section>
      <AppShell.Section>
        <Divider my="sm" />
        {accountNav.map((item) => (
          <NavItemLink key={item.path} item={item} active={current === item.path} onNavigate={onNavigate} />
        ))}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
