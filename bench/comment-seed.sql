-- Seeds bench comments :from..:to for bench/comment-queue.sh on the sample article: pending,
-- approved, spam and trash in turn, from 5,000 commenters, one a minute back in time. As for
-- articles, the per-state counts are switched off for the bulk load and recounted once.
alter table comment_moderation_comment disable trigger comment_moderation_count_trigger;
insert into comment_moderation_comment
  (article_id, status, author_name, author_email, body, body_hash, token, created_at)
select a.id,
       (array['PENDING', 'APPROVED', 'SPAM', 'TRASH'])[1 + g % 4],
       'Bench Reader ' || (g % 5000),
       'reader' || (g % 5000) || '@bench.example',
       'A bench comment number ' || g || ', long enough to look like one: '
         || repeat('words and more words ', 8),
       md5('bench-' || g),
       substring(md5('token-' || g) || md5('more-' || g) from 1 for 22),
       now() - g * interval '1 minute'
from generate_series(:from, :to) g,
     (select id from article where slug = 'russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration') a;
alter table comment_moderation_comment enable trigger comment_moderation_count_trigger;
update comment_moderation_count c
  set n = (select count(*) from comment_moderation_comment where status = c.status);
analyze comment_moderation_comment;
