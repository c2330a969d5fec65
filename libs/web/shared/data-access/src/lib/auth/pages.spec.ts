import { homeOf, pageOf, pagesFor, safeNext } from './pages';
import { userWith } from './testing-users';

describe('pages by permission', () => {
  it('lists the pages each role opens, in navigation order', () => {
    const paths = (role: Parameters<typeof userWith>[0]) =>
      pagesFor(userWith(role).permissions).map((p) => p.path);
    expect(paths('owner')).toEqual([
      '/weekly',
      '/suppliers',
      '/sla',
      '/feedback',
      '/root-causes',
      '/money',
      '/data',
      '/admin',
      '/settings',
      '/subscriptions',
    ]);
    expect(paths('buyer')).toEqual(['/suppliers', '/feedback', '/subscriptions']);
    expect(paths('manager')).toEqual([
      '/weekly',
      '/sla',
      '/feedback',
      '/root-causes',
      '/money',
      '/subscriptions',
    ]);
    expect(paths('admin')).toEqual(['/admin', '/settings', '/subscriptions']);
  });

  it('starts each role on its first page', () => {
    expect(homeOf(userWith('owner'))).toBe('/weekly');
    expect(homeOf(userWith('manager'))).toBe('/weekly');
    expect(homeOf(userWith('buyer'))).toBe('/suppliers');
    expect(homeOf(userWith('admin'))).toBe('/admin');
    expect(homeOf(null)).toBe('/login');
    expect(homeOf(userWith('buyer', { mustChangePassword: true }))).toBe('/password');
  });

  it('finds the page of an address', () => {
    expect(pageOf('/suppliers/S-1?period=4w')?.label).toBe('Suppliers');
    expect(pageOf('/sla#x')?.permission).toBe('sla');
    expect(pageOf('/nowhere')).toBeUndefined();
    expect(pageOf('/subscriptions')?.permission).toBeNull();
  });

  it('goes on only to addresses of this app the user may open', () => {
    const buyer = userWith('buyer');
    expect(safeNext('/feedback?rating=1', buyer)).toBe('/feedback?rating=1');
    expect(safeNext('/sla', buyer)).toBe('/suppliers');
    expect(safeNext('/subscriptions', buyer)).toBe('/subscriptions');
    expect(safeNext('//evil.example/x', buyer)).toBe('/suppliers');
    expect(safeNext('https://evil.example', buyer)).toBe('/suppliers');
    expect(safeNext('/\\evil.example', buyer)).toBe('/suppliers');
    expect(safeNext('/login?next=/sla', buyer)).toBe('/suppliers');
    expect(safeNext(undefined, buyer)).toBe('/suppliers');
    expect(safeNext('/feedback', userWith('buyer', { mustChangePassword: true }))).toBe(
      '/password',
    );
  });
});
