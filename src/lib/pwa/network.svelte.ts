/** Whether the browser thinks it is online; the layout shows a notice while it is not. */
class Network {
	online = $state(true);

	watch(): () => void {
		const update = () => (this.online = navigator.onLine);
		update();
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}
}

export const network = new Network();
