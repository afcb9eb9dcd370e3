import { defineHastPlugin } from 'satteri';

/**
 * Code blocks scroll sideways on a phone; tabindex lets keyboard users reach
 * and scroll them (WCAG 2.1.1).
 */
export const focusableCode = () =>
  defineHastPlugin({
    name: 'fix401-focusable-code',
    element: {
      filter: ['pre'],
      visit(node, ctx) {
        ctx.setProperty(node, 'tabIndex', 0);
      },
    },
  });
