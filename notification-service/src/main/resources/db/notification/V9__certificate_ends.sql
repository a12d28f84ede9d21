-- How a certificate ended (revoked or expired), kept as a fact of its own: an end that arrives
-- before its certificate (a replay, a rebuilt projection) is not lost, and the certificate is
-- recorded as ended when it does arrive.
create table certificate_end (
    certificate_no text        primary key,
    status         text        not null check (status in ('REVOKED', 'EXPIRED')),
    ended_at       timestamptz not null
);

insert into certificate_end (certificate_no, status, ended_at)
select certificate_no, status, certified_at from certificate where status <> 'ACTIVE';
