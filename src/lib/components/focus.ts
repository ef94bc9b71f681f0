// One way for the review screen's parts to move focus: after the frame that draws them, so moving
// focus (which lays the page out, and may scroll) never delays what is being drawn.

/** When to focus: `on`, and again whenever `key` changes while on. */
export interface FocusWhen {
	on: boolean;
	key?: unknown;
	preventScroll?: boolean;
}

/**
 * A Svelte action: focuses the element once the next frame is drawn, when `when` says so (`true`
 * alone: on mount), and again each time its parameter changes to one that does. An element removed
 * or hidden by then is left alone.
 */
export function focusAfterDraw(node: HTMLElement, when: boolean | FocusWhen = true) {
	const focus = (w: boolean | FocusWhen) => {
		const { on, preventScroll = false } = typeof w === 'boolean' ? { on: w } : w;
		if (!on) return;
		requestAnimationFrame(() =>
			setTimeout(() => {
				if (node.isConnected && !node.closest('[hidden]')) node.focus({ preventScroll });
			})
		);
	};
	focus(when);
	return { update: focus };
}
