namespace CoCreation.Ideas.Infrastructure;

/// <summary>
/// The full-text objects the migrations create, outside EF Core's model. SQLite rebuilds a table for many column
/// changes, at the end of the migration, and a rebuild drops the table's triggers: so these run in a migration of their
/// own, and a later migration that rebuilds Ideas must run <see cref="DropSqlite"/> and <see cref="CreateSqlite"/>
/// again in a migration after it. The functional tests' searches fail if it does not.
/// </summary>
public static class IdeaSearchSql
{
    /// <summary>
    /// An FTS5 index over title, summary, description and competences. Its rowids come from IdeaSearchKeys, a table of
    /// our own, because the Ideas table's implicit rowids are not stable across table rebuilds. Triggers keep it
    /// current in the same transaction as every write to Ideas; diacritics are folded so "paivakoti" finds "päiväkoti".
    /// </summary>
    public const string CreateSqlite = """
        CREATE TABLE IdeaSearchKeys (RowId INTEGER PRIMARY KEY AUTOINCREMENT, IdeaId TEXT NOT NULL UNIQUE);
        CREATE VIRTUAL TABLE IdeaSearch USING fts5(Title, Summary, Description, SoughtCompetences, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        CREATE TRIGGER IdeaSearch_AfterInsert AFTER INSERT ON Ideas BEGIN
            INSERT INTO IdeaSearchKeys (IdeaId) VALUES (NEW.Id);
            INSERT INTO IdeaSearch (rowid, Title, Summary, Description, SoughtCompetences)
                VALUES (last_insert_rowid(), NEW.Title, NEW.Summary, NEW.Description, NEW.SoughtCompetences);
        END;
        CREATE TRIGGER IdeaSearch_AfterUpdate AFTER UPDATE OF Title, Summary, Description, SoughtCompetences ON Ideas BEGIN
            DELETE FROM IdeaSearch WHERE rowid = (SELECT RowId FROM IdeaSearchKeys WHERE IdeaId = OLD.Id);
            INSERT INTO IdeaSearch (rowid, Title, Summary, Description, SoughtCompetences)
                VALUES ((SELECT RowId FROM IdeaSearchKeys WHERE IdeaId = NEW.Id), NEW.Title, NEW.Summary, NEW.Description, NEW.SoughtCompetences);
        END;
        CREATE TRIGGER IdeaSearch_AfterDelete AFTER DELETE ON Ideas BEGIN
            DELETE FROM IdeaSearch WHERE rowid = (SELECT RowId FROM IdeaSearchKeys WHERE IdeaId = OLD.Id);
            DELETE FROM IdeaSearchKeys WHERE IdeaId = OLD.Id;
        END;
        INSERT INTO IdeaSearchKeys (IdeaId) SELECT Id FROM Ideas;
        INSERT INTO IdeaSearch (rowid, Title, Summary, Description, SoughtCompetences)
            SELECT k.RowId, i.Title, i.Summary, i.Description, i.SoughtCompetences FROM Ideas i JOIN IdeaSearchKeys k ON k.IdeaId = i.Id;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS IdeaSearch_AfterInsert;
        DROP TRIGGER IF EXISTS IdeaSearch_AfterUpdate;
        DROP TRIGGER IF EXISTS IdeaSearch_AfterDelete;
        DROP TABLE IF EXISTS IdeaSearch;
        DROP TABLE IF EXISTS IdeaSearchKeys;
        """;

    /// <summary>
    /// A full-text index on Ideas, language-neutral (ideas are in Finnish, Swedish and English). Created only where
    /// the server has the Full-Text Search feature; the container image the AppHost uses does not, and there the
    /// search falls back to LIKE (see <see cref="SqlServerIdeaTextSearch"/>).
    /// </summary>
    public const string CreateSqlServer = """
        IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'IdeasCatalog')
                CREATE FULLTEXT CATALOG IdeasCatalog;
            CREATE FULLTEXT INDEX ON Ideas (Title LANGUAGE 0, Summary LANGUAGE 0, Description LANGUAGE 0, SoughtCompetences LANGUAGE 0)
                KEY INDEX PK_Ideas ON IdeasCatalog WITH CHANGE_TRACKING AUTO;
        END
        """;

    public const string DropSqlServer = """
        IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Ideas'))
            DROP FULLTEXT INDEX ON Ideas;
        IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'IdeasCatalog')
            DROP FULLTEXT CATALOG IdeasCatalog;
        """;
}
