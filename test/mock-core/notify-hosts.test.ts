import { expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { notifyHosts } from '../../mocks/core/notify-hosts.js';

test('notify hosts: entries are compared as URL.host spells them', () => {
  expect([...notifyHosts(['127.0.0.1:8080', 'Shop.example:80', '[::1]:9000'])]).toEqual(['127.0.0.1:8080', 'shop.example', '[::1]:9000']);
});

test('notify hosts: anything more than a host:port is refused when the server is created', () => {
  for (const entry of ['http://shop.example', 'shop.example/notify', 'user@shop.example', '']) {
    expect(() => createReferenceServer({ dialect: 'newapi', allowNotifyHosts: [entry] })).toThrow(`Failed to allow the notify host "${entry}"`);
  }
});
