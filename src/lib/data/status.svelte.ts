/** The health of this tab's database connection, shown by the layout. */
class ConnectionStatus {
	/** Another tab upgraded the database; this one must reload to go on. */
	blocked = $state(false);
}

export const connection = new ConnectionStatus();
